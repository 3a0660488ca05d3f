import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNullableType, isListType } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from './errors';

/** The most fields one operation may ask the server to resolve (estimated before anything runs). */
export const MAX_COST = 50_000;
/** What a list without a page size (a ward's groups, a house's cameras) is assumed to hold. */
export const UNBOUNDED_LIST = 25;

/**
 * A list costs its items' fields times the items it can hold: the page size asked for (`first`, as
 * written or passed in a variable, or its default), or UNBOUNDED_LIST for a list with none. A
 * connection's `edges` list is the page itself and is not counted twice.
 */
/** Whole GeoJSON layers, built and serialised by PostGIS: about 2 MB and 0.3 s each for a district. */
export const LAYER_COST = 2000;
const LAYER_FIELDS = new Set(['Query.layer', 'Query.coverageGaps']);

/** Lists known to stay short (a house has at most one unclosed penalty case, and rarely more than a few closed). */
const SHORT_LISTS: Readonly<Record<string, number>> = { 'RentalHouse.penaltyCases': 5 };

const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (LAYER_FIELDS.has(`${type.name}.${field.name}`)) return LAYER_COST;
  if (typeof args.first === 'number') return 1 + args.first * childComplexity;
  if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) {
    return 1 + (SHORT_LISTS[`${type.name}.${field.name}`] ?? UNBOUNDED_LIST) * childComplexity;
  }
  return undefined;
};

/**
 * Refuses an operation whose estimated cost exceeds MAX_COST once its variables are known (a
 * validation rule cannot see them, so `first: $n` would slip past one), before any resolver runs.
 */
export const queryCostLimit: ApolloServerPlugin = {
  async requestDidStart({ schema }) {
    return {
      async didResolveOperation({ request, document, operationName }) {
        let cost: number;
        try {
          cost = getComplexity({
            schema,
            query: document,
            operationName: operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch {
          // Variables that do not fit their types: execution refuses them next (BAD_USER_INPUT),
          // before any resolver runs.
          return;
        }
        if (cost > MAX_COST) {
          throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${MAX_COST}: ask for fewer rows or fields`, {
            extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, cost, maxCost: MAX_COST, http: { status: 400 } },
          });
        }
      },
    };
  },
};
