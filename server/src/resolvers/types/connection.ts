import { type ClassType, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => Boolean, { description: 'True when this page was asked for with `after`.' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' }) endCursor: string | null;
}

/** A Relay connection type for `node` (e.g. CameraConnection with CameraEdge). */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String) cursor: string;
    @Field(() => node) node: T;
    @Field(() => Float, { nullable: true, description: 'Metres from the `near` point, when the list was filtered by `near`.' })
    distanceMeters: number | null;
  }

  @ObjectType(`${name}ConnectionBase`)
  abstract class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Rows matching the filter, across all pages.' }) totalCount: number;
  }
  return ConnectionType;
}
