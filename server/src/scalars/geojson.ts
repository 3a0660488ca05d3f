import { GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

/**
 * An RFC 7946 GeoJSON object (a geometry, Feature or FeatureCollection), coordinates as
 * [longitude, latitude] in WGS 84. Output objects are built by PostGIS; input geometries are
 * checked by the service that receives them (structure, ranges, then ST_IsValid).
 */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'An RFC 7946 GeoJSON object: coordinates are [longitude, latitude] in WGS 84 (EPSG:4326).',
  serialize(value) {
    return typeof value === 'string' ? JSON.parse(value) : value;
  },
  parseValue(value) {
    return value;
  },
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.OBJECT) return undefined; // graphql reports "Expected value of type GeoJSON"
    return valueFromASTUntyped(ast, variables);
  },
});
