import type { CameraStatusValue, CameraTypeValue, NetworkOperatorValue, OwnerKindValue, PoliceAccessValue } from '../../shared/camera';
import {
  distMetres,
  distToRing,
  M_PER_DEG_LAT,
  M_PER_DEG_LON,
  offsetMetres,
  pointInRing,
  PointGrid,
  ringAreaMetres,
  roundCoord,
  roundPoint,
  type LonLat,
} from './geometry';
import { asciiSlug, businessName, landlinePhone, mobilePhone, personName, STREET_NAMES, WARD_NAMES } from './names';
import { Random, streamOf } from './random';

/**
 * The pure part of the demo district: every row and every decision that needs no PostGIS, from a
 * seed. The same (seed, scale) gives the same plan, byte for byte, on a given Node version.
 *
 * Geometry: the district is an irregular star-shaped polygon; wards are the Voronoi cells of 13 seed
 * points clipped by the district; residential groups are the Voronoi cells of each ward's group
 * seeds clipped by the ward. The database builds those polygons (ST_VoronoiPolygons + ST_Intersection);
 * the plan knows which ward and group every camera and rental house falls in (nearest seed), and keeps
 * every point at least POINT_MARGIN_DEG away from every cell edge and from the district boundary.
 */

export const DEFAULT_DEMO_SEED = 20170601; // the chairman's meeting, 1 June 2017
export const DEMO_DISTRICT_CODE = 'DEMO';
export const WARD_COUNT = 13;

/** About 1.1 m: no generated point is closer than this to a ward or group edge or to the district boundary. */
export const POINT_MARGIN_DEG = 1e-5;

export type CameraType = CameraTypeValue;
export type OwnerKind = OwnerKindValue;
export type NetworkOperator = NetworkOperatorValue;
export type CameraStatus = CameraStatusValue;
export type PoliceAccess = PoliceAccessValue;

export interface PlanDistrict {
  code: string;
  name: string;
  /** Closed ring (first point repeated last), counter-clockwise. */
  ring: LonLat[];
}

export interface PlanWard {
  code: string;
  name: string;
  chairName: string;
  chairPhone: string;
  chairEmail: string;
  seed: LonLat;
}

export interface PlanGroup {
  wardCode: string;
  /** e.g. P01-T07 */
  code: string;
  /** e.g. Tổ dân phố 7 */
  name: string;
  households: number;
  seed: LonLat;
  /** Chosen to have no camera at all (the R8 story). */
  withoutCamera: boolean;
}

export interface PlanRentalHouse {
  wardCode: string;
  groupCode: string;
  /** Unique within the district. */
  address: string;
  ownerName: string;
  ownerPhone: string | null;
  rooms: number;
  location: LonLat;
  /** How many cameras the plan gives this house (0, 1 or 2). */
  cameras: number;
}

export interface PlanCamera {
  wardCode: string;
  groupCode: string;
  label: string | null;
  location: LonLat;
  bearing: number;
  fieldOfView: number;
  rangeM: number;
  cameraType: CameraType;
  mountHeightM: number;
  ownerKind: OwnerKind;
  ownerName: string | null;
  ownerPhone: string | null;
  /** Index into `DemoPlan.rentalHouses` for owner kind rental_house, else null. */
  rentalHouse: number | null;
  networkOperator: NetworkOperator;
  status: CameraStatus;
  policeAccess: PoliceAccess;
  /** YYYY-MM-DD */
  installedOn: string;
  /** ISO 8601 with +07:00 */
  registeredAt: string;
  decommissionedAt: string | null;
}

export interface DemoPlan {
  seed: number;
  scale: number;
  district: PlanDistrict;
  wards: PlanWard[];
  groups: PlanGroup[];
  rentalHouses: PlanRentalHouse[];
  cameras: PlanCamera[];
}

// Targets at scale 1. The district's area grows with the scale so that densities stay put.
const DISTRICT_AREA_M2 = 16_000_000;
const GROUPS_PER_SCALE = 250;
const CAMERAS_PER_SCALE = 2000;
const RENTAL_HOUSES_PER_SCALE = 1500;
const HOTSPOTS_PER_SCALE = 16;
const SHARE_GROUPS_WITHOUT_CAMERA = 0.07;
const SHARE_HOUSES_WITHOUT_CAMERA = 0.3;
const SHARE_HOUSES_WITH_TWO_CAMERAS = 0.1;
const CENTRE: LonLat = { lon: 108.2, lat: 16.05 };

interface Hotspot {
  at: LonLat;
  sigmaM: number;
  weight: number;
}

/** Validate and normalise the options; the scale is clamped to (0, 200]. */
export function normaliseOptions(options: { seed?: number; scale?: number } = {}): { seed: number; scale: number } {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`demo seed must be an integer, got ${seed}`);
  if (!(scale > 0 && scale <= 200)) throw new Error(`demo scale must be in (0, 200], got ${scale}`);
  return { seed: seed >>> 0, scale };
}

export function generateDemoPlan(options: { seed?: number; scale?: number } = {}): DemoPlan {
  const { seed, scale } = normaliseOptions(options);
  return new Planner(seed, scale).build();
}

class Planner {
  private ring: LonLat[] = [];
  private min: LonLat = { lon: 0, lat: 0 };
  private max: LonLat = { lon: 0, lat: 0 };
  private wardSeeds: LonLat[] = [];
  private groupGrid!: PointGrid;
  /** Ward index of every group seed (parallel to groupGrid.points). */
  private groupWard: number[] = [];
  private hotspots: Hotspot[] = [];

  constructor(
    private readonly seed: number,
    private readonly scale: number,
  ) {}

  build(): DemoPlan {
    this.buildDistrict(streamOf(this.seed, 'district'));
    this.buildWardSeeds(streamOf(this.seed, 'wards'));
    this.buildHotspots(streamOf(this.seed, 'hotspots'));
    const wards = this.buildWards(streamOf(this.seed, 'ward-people'));
    const groups = this.buildGroups(streamOf(this.seed, 'groups'), wards);
    const houses = this.buildRentalHouses(streamOf(this.seed, 'rental-houses'), wards, groups);
    const cameras = this.buildCameras(streamOf(this.seed, 'cameras'), wards, groups, houses);
    return {
      seed: this.seed,
      scale: this.scale,
      district: { code: DEMO_DISTRICT_CODE, name: 'Quận Hòa Minh (demo)', ring: this.ring },
      wards,
      // By code (P01-T01, P01-T02, ...), so that identity ids follow the codes.
      groups: groups.slice().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
      rentalHouses: houses,
      cameras,
    };
  }

  // ---- district -------------------------------------------------------------------------------

  private buildDistrict(rng: Random): void {
    const n = 22;
    const phase = [rng.float(0, 2 * Math.PI), rng.float(0, 2 * Math.PI), rng.float(0, 2 * Math.PI)];
    const radii: number[] = [];
    const angles: number[] = [];
    for (let i = 0; i < n; i++) {
      angles.push((2 * Math.PI * (i + rng.float(-0.3, 0.3))) / n);
    }
    for (const a of angles) {
      radii.push(
        1 + 0.14 * Math.sin(2 * a + phase[0]!) + 0.09 * Math.sin(3 * a + phase[1]!) + 0.05 * Math.sin(5 * a + phase[2]!) + rng.float(-0.05, 0.05),
      );
    }
    const shape = (k: number): LonLat[] => {
      const pts = angles.map((a, i) => offsetMetres(CENTRE, k * radii[i]! * Math.cos(a), k * radii[i]! * Math.sin(a)));
      return [...pts, pts[0]!];
    };
    // Scale the radii so that the area is the target (area grows with k squared).
    const k = Math.sqrt((DISTRICT_AREA_M2 * this.scale) / ringAreaMetres(shape(1)));
    const ring = shape(k).map(roundPoint);
    ring[ring.length - 1] = ring[0]!;
    this.ring = ring;
    this.min = { lon: Math.min(...ring.map((p) => p.lon)), lat: Math.min(...ring.map((p) => p.lat)) };
    this.max = { lon: Math.max(...ring.map((p) => p.lon)), lat: Math.max(...ring.map((p) => p.lat)) };
  }

  private randomInBox(rng: Random): LonLat {
    return { lon: rng.float(this.min.lon, this.max.lon), lat: rng.float(this.min.lat, this.max.lat) };
  }

  /** Inside the district and at least `margin` degrees from its boundary. */
  private insideDistrict(p: LonLat, margin = POINT_MARGIN_DEG): boolean {
    return pointInRing(p, this.ring) && distToRing(p, this.ring) >= margin;
  }

  // ---- wards ----------------------------------------------------------------------------------

  private buildWardSeeds(rng: Random): void {
    // Best-candidate sampling, kept away from the boundary so that no ward is a thin edge sliver.
    const size = Math.max(this.max.lon - this.min.lon, this.max.lat - this.min.lat);
    const seeds: LonLat[] = [];
    while (seeds.length < WARD_COUNT) {
      let best: LonLat | null = null;
      let bestScore = -1;
      for (let c = 0; c < 40; c++) {
        const p = roundPoint(this.randomInBox(rng));
        if (!this.insideDistrict(p, size * 0.08)) continue;
        const score = seeds.length === 0 ? 1 : Math.min(...seeds.map((s) => Math.hypot(s.lon - p.lon, s.lat - p.lat)));
        if (score > bestScore) {
          bestScore = score;
          best = p;
        }
      }
      if (best) seeds.push(best);
    }
    this.wardSeeds = readingOrder(seeds, 4).map((i) => seeds[i]!);
  }

  /** The ward index containing p with a safe margin, or -1. */
  private wardAt(p: LonLat): number {
    if (!this.insideDistrict(p)) return -1;
    let first = -1;
    let d1 = Infinity;
    let d2 = Infinity;
    this.wardSeeds.forEach((s, i) => {
      const d = Math.hypot(s.lon - p.lon, s.lat - p.lat);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        first = i;
      } else if (d < d2) d2 = d;
    });
    // Distance from p to the edge of its Voronoi cell is at least (d2 - d1) / 2.
    return d2 - d1 >= 2 * POINT_MARGIN_DEG ? first : -1;
  }

  /** The group index (into groupGrid.points) containing p with a safe margin, given its ward; or -1. */
  private groupAt(p: LonLat, ward: number): number {
    const n = this.groupGrid.nearest2(p, (i) => this.groupWard[i] === ward);
    return n.first >= 0 && n.d2 - n.d1 >= 2 * POINT_MARGIN_DEG ? n.first : -1;
  }

  /** Ward and group of p with safe margins, or null. */
  private locate(p: LonLat): { ward: number; group: number } | null {
    const ward = this.wardAt(p);
    if (ward < 0) return null;
    const group = this.groupAt(p, ward);
    return group < 0 ? null : { ward, group };
  }

  private buildWards(rng: Random): PlanWard[] {
    return this.wardSeeds.map((seed, i) => {
      const code = `P${String(i + 1).padStart(2, '0')}`;
      const name = WARD_NAMES[i % WARD_NAMES.length]!;
      return {
        code,
        name,
        chairName: personName(rng),
        chairPhone: landlinePhone(rng),
        chairEmail: `ubnd.${asciiSlug(name)}@hoaminh-demo.example`,
        seed,
      };
    });
  }

  // ---- hotspots: where people, shops and cameras concentrate ------------------------------------

  private buildHotspots(rng: Random): void {
    const count = Math.max(3, Math.round(HOTSPOTS_PER_SCALE * this.scale));
    while (this.hotspots.length < count) {
      const at = roundPoint(this.randomInBox(rng));
      if (!this.insideDistrict(at, 0)) continue;
      this.hotspots.push({ at, sigmaM: rng.float(120, 380), weight: rng.float(0.4, 1.6) });
    }
  }

  private density(p: LonLat): number {
    let s = 0;
    for (const h of this.hotspots) {
      const d = distMetres(p, h.at);
      s += h.weight * Math.exp(-(d * d) / (2 * h.sigmaM * h.sigmaM));
    }
    return s;
  }

  /** A point drawn from the clustered distribution: a hotspot with probability `clustered`, else uniform. */
  private clusteredPoint(rng: Random, clustered: number): LonLat {
    if (rng.chance(clustered)) {
      let total = 0;
      for (const h of this.hotspots) total += h.weight;
      let r = rng.next() * total;
      let h = this.hotspots[this.hotspots.length - 1]!;
      for (const x of this.hotspots) {
        r -= x.weight;
        if (r < 0) {
          h = x;
          break;
        }
      }
      return offsetMetres(h.at, rng.normal() * h.sigmaM, rng.normal() * h.sigmaM);
    }
    return this.randomInBox(rng);
  }

  // ---- residential groups ---------------------------------------------------------------------

  private buildGroups(rng: Random, wards: PlanWard[]): PlanGroup[] {
    const target = Math.max(WARD_COUNT * 3, Math.round(GROUPS_PER_SCALE * this.scale));
    const areaDeg = (DISTRICT_AREA_M2 * this.scale) / (metresPerDegree() * metresPerDegree());
    const spacing = Math.sqrt(areaDeg / target);
    this.groupGrid = PointGrid.covering(this.min, this.max, spacing);
    this.groupWard = [];

    // Best-candidate sampling over the district: well-spread, irregular seeds.
    let guard = 0;
    while (this.groupGrid.points.length < target && guard++ < target * 50) {
      let best: LonLat | null = null;
      let bestWard = -1;
      let bestScore = -1;
      for (let c = 0; c < 10; c++) {
        const p = roundPoint(this.randomInBox(rng));
        const ward = this.wardAt(p);
        if (ward < 0) continue;
        const n = this.groupGrid.nearest2(p);
        const score = n.first < 0 ? Infinity : n.d1;
        if (score > bestScore) {
          bestScore = score;
          best = p;
          bestWard = ward;
        }
      }
      if (best) {
        this.groupGrid.add(best);
        this.groupWard.push(bestWard);
      }
    }
    // Every ward needs at least three groups (ST_VoronoiPolygons needs two sites; three avoid a split in halves).
    for (let w = 0; w < wards.length; w++) {
      let have = this.groupWard.filter((x) => x === w).length;
      for (let tries = 0; have < 3 && tries < 100_000; tries++) {
        const p = roundPoint(this.randomInBox(rng));
        if (this.wardAt(p) !== w) continue;
        const n = this.groupGrid.nearest2(p);
        if (n.first >= 0 && n.d1 < spacing * 0.3) continue;
        this.groupGrid.add(p);
        this.groupWard.push(w);
        have++;
      }
      if (have < 3) throw new Error(`demo plan: ward ${wards[w]!.code} got only ${have} residential groups`);
    }

    // Households follow the local density, with noise: 60 to 300 per group.
    const seeds = this.groupGrid.points;
    const dens = seeds.map((p) => this.density(p));
    const rank = rankOf(dens);
    const households = seeds.map((_, i) => 60 + Math.round(240 * (0.55 * rank[i]! + 0.45 * rng.next())));

    // Groups without any camera: drawn among the sparsest third, so they sit at the quiet edges.
    const withoutCount = Math.max(1, Math.round(SHARE_GROUPS_WITHOUT_CAMERA * seeds.length));
    const sparsest = seeds.map((_, i) => i).sort((a, b) => dens[a]! - dens[b]! || a - b);
    const pool = sparsest.slice(0, Math.max(withoutCount, Math.round(seeds.length / 3)));
    const without = new Set(rng.shuffle(pool).slice(0, withoutCount));

    // Number the groups within each ward in reading order (north to south bands, west to east).
    const groups: PlanGroup[] = new Array<PlanGroup>(seeds.length);
    let largest = 0;
    for (let w = 0; w < wards.length; w++) largest = Math.max(largest, this.groupWard.filter((x) => x === w).length);
    const width = Math.max(2, String(largest).length);
    for (let w = 0; w < wards.length; w++) {
      const members = seeds.map((_, i) => i).filter((i) => this.groupWard[i] === w);
      const ordered = readingOrder(
        members.map((i) => seeds[i]!),
        Math.max(1, Math.round(Math.sqrt(members.length) * 0.8)),
      );
      ordered.forEach((m, n) => {
        const i = members[m]!;
        groups[i] = {
          wardCode: wards[w]!.code,
          code: `${wards[w]!.code}-T${String(n + 1).padStart(width, '0')}`,
          name: `Tổ dân phố ${n + 1}`,
          households: households[i]!,
          seed: seeds[i]!,
          withoutCamera: without.has(i),
        };
      });
    }
    return groups;
  }

  // ---- rental houses --------------------------------------------------------------------------

  private buildRentalHouses(rng: Random, wards: PlanWard[], groups: PlanGroup[]): PlanRentalHouse[] {
    const target = Math.round(RENTAL_HOUSES_PER_SCALE * this.scale);
    // Each ward has its own handful of streets (a street may cross several wards).
    const streets = wards.map(() => rng.shuffle(STREET_NAMES).slice(0, 7));
    const addresses = new Set<string>();
    const houses: PlanRentalHouse[] = [];
    let guard = 0;
    while (houses.length < target && guard++ < target * 100) {
      const location = roundPoint(this.clusteredPoint(rng, 0.65));
      const at = this.locate(location);
      if (!at) continue;
      const street = rng.pick(streets[at.ward]!);
      let address: string;
      const form = rng.next();
      if (form < 0.55) address = `Kiệt ${rng.int(1, 180)}/${rng.int(1, 40)} đường ${street}`;
      else if (form < 0.75) address = `Kiệt ${rng.int(1, 180)}/${rng.int(1, 40)}/${rng.int(1, 20)} đường ${street}`;
      else if (form < 0.88) address = `Kiệt ${rng.int(1, 300)} đường ${street}`;
      else address = `Số ${rng.int(1, 450)} đường ${street}`;
      if (addresses.has(address)) continue;
      addresses.add(address);
      const u = rng.next();
      houses.push({
        wardCode: wards[at.ward]!.code,
        groupCode: groups[at.group]!.code,
        address,
        ownerName: personName(rng),
        ownerPhone: rng.chance(0.92) ? mobilePhone(rng) : null,
        rooms: 2 + Math.floor(28 * u * u),
        location,
        cameras: 0,
      });
    }
    // Which houses have a camera: none in a group chosen to have no camera; elsewhere all but a
    // drawn share, so that about 30% of all houses have none (R2, R5); some have two.
    const withoutGroup = new Set(groups.filter((g) => g.withoutCamera).map((g) => g.code));
    const eligible = houses.map((_, i) => i).filter((i) => !withoutGroup.has(houses[i]!.groupCode));
    const forcedWithout = houses.length - eligible.length;
    const moreWithout = Math.max(0, Math.round(SHARE_HOUSES_WITHOUT_CAMERA * houses.length) - forcedWithout);
    const shuffled = rng.shuffle(eligible);
    const withCamera = shuffled.slice(moreWithout);
    const twoCount = Math.round(SHARE_HOUSES_WITH_TWO_CAMERAS * withCamera.length);
    withCamera.forEach((i, n) => {
      houses[i]!.cameras = n < twoCount ? 2 : 1;
    });
    return houses;
  }

  // ---- cameras --------------------------------------------------------------------------------

  private buildCameras(rng: Random, wards: PlanWard[], groups: PlanGroup[], houses: PlanRentalHouse[]): PlanCamera[] {
    const target = Math.round(CAMERAS_PER_SCALE * this.scale);
    const cameras: PlanCamera[] = [];
    const groupIndexByCode = new Map(groups.map((g, i) => [g.code, i]));
    const wardIndexByCode = new Map(wards.map((w, i) => [w.code, i]));
    const publicOwner = (ward: PlanWard): string =>
      rng.pick([`UBND ${lowerWard(ward.name)}`, `Công an ${lowerWard(ward.name)}`, `Ban điều hành ${lowerWard(ward.name)}`]);

    // 1. One active anchor camera in every group that is meant to have a camera (R8, "also at public places").
    groups.forEach((g, gi) => {
      if (g.withoutCamera) return;
      const ward = wards[wardIndexByCode.get(g.wardCode)!]!;
      let location: LonLat | null = null;
      for (let tries = 0; tries < 200 && !location; tries++) {
        const p = roundPoint(offsetMetres(g.seed, rng.normal() * 40, rng.normal() * 40));
        const at = this.locate(p);
        if (at && at.group === gi) location = p;
      }
      // The seed itself lies deep inside its own cell.
      location ??= g.seed;
      const kind = rng.weighted({ public: 60, household: 25, business: 15 } as const);
      cameras.push(this.camera(rng, ward, g, location, kind, kind === 'public' ? publicOwner(ward) : null, null, true));
    });

    // 2. Rental-house cameras, at the house (a few metres off, same group).
    houses.forEach((h, hi) => {
      const g = groups[groupIndexByCode.get(h.groupCode)!]!;
      const ward = wards[wardIndexByCode.get(h.wardCode)!]!;
      for (let c = 0; c < h.cameras; c++) {
        let location: LonLat = h.location;
        for (let tries = 0; tries < 20; tries++) {
          const p = roundPoint(offsetMetres(h.location, rng.float(-4, 4), rng.float(-4, 4)));
          const at = this.locate(p);
          if (at && groups[at.group]!.code === g.code) {
            location = p;
            break;
          }
        }
        cameras.push(this.camera(rng, ward, g, location, 'rental_house', h.ownerName, hi, false, h.ownerPhone));
      }
    });

    // 3. The rest: homes, civil servants' homes, shops and public places, clustered around hotspots.
    let guard = 0;
    while (cameras.length < target && guard++ < target * 200) {
      const p = roundPoint(this.clusteredPoint(rng, 0.75));
      const at = this.locate(p);
      if (!at) continue;
      const g = groups[at.group]!;
      if (g.withoutCamera) continue;
      const kind = rng.weighted({ household: 40, civil_servant: 25, business: 25, public: 10 } as const);
      const ward = wards[at.ward]!;
      cameras.push(this.camera(rng, ward, g, p, kind, kind === 'public' ? publicOwner(ward) : null, null, false));
    }

    // Labels: CAM-P03-0123, numbered within the ward in generation order; about 8% carry none.
    const perWard = new Map<string, number>();
    for (const c of cameras) {
      const n = (perWard.get(c.wardCode) ?? 0) + 1;
      perWard.set(c.wardCode, n);
      c.label = rng.chance(0.92) ? `CAM-${c.wardCode}-${String(n).padStart(4, '0')}` : null;
    }
    return cameras;
  }

  private camera(
    rng: Random,
    ward: PlanWard,
    group: PlanGroup,
    location: LonLat,
    ownerKind: OwnerKind,
    fixedOwnerName: string | null,
    rentalHouse: number | null,
    anchor: boolean,
    fixedOwnerPhone?: string | null,
  ): PlanCamera {
    const cameraType = rng.weighted({ fixed: 70, dome: 20, ptz: 10 } as const);
    const fieldOfView = cameraType === 'fixed' ? 85 : 360;
    const rangeM = cameraType === 'fixed' ? rng.int(15, 40) : cameraType === 'dome' ? rng.int(10, 20) : rng.int(30, 60);
    const bearing = cameraType === 'dome' ? 0 : rng.int(0, 359);
    const mountHeightM = Math.round(rng.float(2.5, 8) * 10) / 10;

    let ownerName: string | null = fixedOwnerName;
    let ownerPhone: string | null = fixedOwnerPhone ?? null;
    if (ownerKind === 'household' || ownerKind === 'civil_servant') {
      ownerName = personName(rng);
      ownerPhone = rng.chance(0.9) ? mobilePhone(rng) : null;
    } else if (ownerKind === 'business') {
      ownerName = businessName(rng);
      ownerPhone = rng.chance(0.8) ? mobilePhone(rng) : null;
    } else if (ownerKind === 'public') {
      ownerPhone = ward.chairPhone;
    }

    const networkOperator = rng.weighted({ viettel: 38, vnpt: 24, fpt: 20, other: 6, none: 12 } as const);
    const status: CameraStatus = anchor ? 'active' : rng.weighted({ active: 88, offline: 6, maintenance: 3, decommissioned: 3 } as const);
    const policeAccess: PoliceAccess =
      ownerKind === 'public'
        ? rng.weighted({ live: 60, on_request: 35, none: 5 } as const)
        : rng.weighted({ none: 45, on_request: 43, live: 12 } as const);

    // Installation dates: a few before the August 2016 directive, a surge in the 2017 campaign
    // (1 June to 30 September), then a steady trickle to 2024.
    const period = rng.weighted({ early2016: 4, late2016: 12, early2017: 10, campaign2017: 30, late2017: 8, later: 36 } as const);
    const ranges: Record<typeof period, [string, string]> = {
      early2016: ['2016-01-04', '2016-08-10'],
      late2016: ['2016-08-11', '2016-12-31'],
      early2017: ['2017-01-01', '2017-05-31'],
      campaign2017: ['2017-06-01', '2017-09-30'],
      late2017: ['2017-10-01', '2017-12-31'],
      later: ['2018-01-01', '2024-12-31'],
    };
    const [from, to] = ranges[period];
    const installedDay = rng.int(dayNumber(from), dayNumber(to));
    const registeredDay = installedDay + rng.int(0, 20);
    const registeredAt = `${dateOf(registeredDay)}T${String(rng.int(7, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+07:00`;
    const decommissionedAt =
      status === 'decommissioned'
        ? `${dateOf(Math.min(dayNumber('2025-06-30'), installedDay + rng.int(365, 5 * 365)))}T10:00:00+07:00`
        : null;

    return {
      wardCode: ward.code,
      groupCode: group.code,
      label: null,
      location,
      bearing,
      fieldOfView,
      rangeM,
      cameraType,
      mountHeightM,
      ownerKind,
      ownerName,
      ownerPhone,
      rentalHouse,
      networkOperator,
      status,
      policeAccess,
      installedOn: dateOf(installedDay),
      registeredAt,
      decommissionedAt,
    };
  }
}

/** Metres per degree for an isotropic spacing estimate (geometric mean of latitude and longitude). */
function metresPerDegree(): number {
  return Math.sqrt(M_PER_DEG_LAT * M_PER_DEG_LON);
}

/** Indices of the points sorted north to south in `bands` bands, west to east within a band. */
function readingOrder(points: LonLat[], bands: number): number[] {
  if (points.length === 0) return [];
  const top = Math.max(...points.map((p) => p.lat));
  const bottom = Math.min(...points.map((p) => p.lat));
  const height = (top - bottom) / bands || 1;
  const band = (p: LonLat) => Math.min(bands - 1, Math.floor((top - p.lat) / height));
  return points
    .map((_, i) => i)
    .sort((a, b) => band(points[a]!) - band(points[b]!) || points[a]!.lon - points[b]!.lon || a - b);
}

/** For each value, its rank in [0, 1] (0 = smallest). */
function rankOf(values: number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const rank = new Array<number>(values.length);
  order.forEach((i, n) => {
    rank[i] = values.length > 1 ? n / (values.length - 1) : 0;
  });
  return rank;
}

/** "Phường Minh An" -> "phường Minh An" (inside a sentence). */
function lowerWard(name: string): string {
  return name.replace(/^Phường/u, 'phường');
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date (UTC; no time zone involved). */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Exposed for tests: the rounding used for every coordinate. */
export { roundCoord };
