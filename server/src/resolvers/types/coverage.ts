import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ResidentialGroup } from '../../entities';
import { GeoJSONScalar } from '../../scalars/geojson';

@ObjectType({
  description:
    'Coverage of an area: the part inside the view sector of at least one ACTIVE camera (offline, maintenance ' +
    'and decommissioned cameras cover nothing). Areas in square metres on the WGS 84 spheroid; a ward or district ' +
    'figure is the area-weighted roll-up of its residential groups, not a mean of percentages.',
})
export class Coverage {
  @Field(() => Float, { description: 'Area, m².' }) areaM2: number;
  @Field(() => Float, { description: 'Area seen by at least one active camera, m².' }) coveredAreaM2: number;
  @Field(() => Float, { description: 'Area no active camera sees, m².' }) gapAreaM2: number;
  @Field(() => Float, { description: 'coveredAreaM2 / areaM2 × 100, in [0, 100].' }) coveredPercent: number;
  @Field(() => Int, { description: 'Active cameras located inside the area.' }) activeCameraCount: number;
  @Field(() => Int) residentialGroupCount: number;
  @Field(() => Int, { description: 'Residential groups with no active camera located in them (R8).' })
  residentialGroupsWithoutCamera: number;
  @Field(() => Date, { nullable: true, description: 'When the newest figure was computed.' }) computedAt: Date | null;
}

@ObjectType({ description: 'Coverage of one residential group, with its gap.' })
export class GroupCoverage extends Coverage {
  @Field(() => Int, { description: 'Active view sectors that reach into the group.' }) sectorCount: number;
  @Field(() => GeoJSONScalar, { description: 'The gap: the group minus the union of active sectors (a MultiPolygon, possibly empty).' })
  gap: unknown;
}

@ObjectType({ description: 'Residential groups that fall short of R8 (at least one camera each, due 30 Sep 2017) or of a coverage target.' })
export class UncoveredResidentialGroups {
  @Field(() => String, { description: 'R8 deadline, YYYY-MM-DD.' }) deadline: string;
  @Field(() => Int, { description: 'Days from today to the deadline (negative: overdue).' }) daysToDeadline: number;
  @Field(() => Int, { description: 'Residential groups in scope.' }) totalGroups: number;
  @Field(() => Int, { description: 'Groups in scope that still lack an active camera (R8).' }) groupsWithoutCamera: number;
  @Field(() => Float, { nullable: true, description: 'The coverage target asked for, if any.' }) belowPercent: number | null;
  @Field(() => [ResidentialGroup], { description: 'The groups that fall short, least covered first.' }) groups: ResidentialGroup[];
}
