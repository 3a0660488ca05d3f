import DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Camera, ResidentialGroup, Ward } from './entities';
import type { PenaltyCase, PenaltyCaseEvent, RentalHouse, RentalHouseEvent } from './entities';
import type { CivilServantCheck, Unit } from './entities';
import type { Config } from './config';
import { AuditService } from './services/audit.service';
import { AuthService } from './services/auth.service';
import { CameraService } from './services/camera.service';
import { CivilServantService } from './services/civil-servant.service';
import { ComplianceService } from './services/compliance.service';
import { CoverageService, type CoverageFigures, type GroupCoverageFigures } from './services/coverage.service';
import { DirectiveService } from './services/directive.service';
import { DistrictService, type AreaStats } from './services/district.service';
import { LayerService } from './services/layer.service';
import { PenaltyCaseService } from './services/penalty-case.service';
import { RentalHouseService } from './services/rental-house.service';
import { ScopedDb, type Viewer } from './services/scoped-db';
import { UnitService } from './services/unit.service';
import { UserService } from './services/user.service';
import { WardService, type WardStats } from './services/ward.service';
import type { CameraStatusEvent } from './entities/camera-status-event';
import { HeartbeatService } from './services/heartbeat.service';
import type { MaintenanceTicketEvent } from './entities/maintenance-ticket-event';
import { MaintenanceService } from './services/maintenance.service';
import type { CameraNetworkConnection, NetworkOperatorRecord, SupportAgreement } from './entities/network-operator';
import type { FundSpending } from './entities/fund';
import type { MaintenanceTicket } from './entities/maintenance-ticket';
import { NetworkOperatorService } from './services/network-operator.service';
import { FundService } from './services/fund.service';
import { CameraRegistrationService } from './services/camera-registration.service';

export type { Viewer };

/** One request's services, all over the request's scoped transaction. */
export interface Services {
  district: DistrictService;
  ward: WardService;
  camera: CameraService;
  rentalHouse: RentalHouseService;
  layer: LayerService;
  coverage: CoverageService;
  audit: AuditService;
  user: UserService;
  penaltyCase: PenaltyCaseService;
  unit: UnitService;
  civilServant: CivilServantService;
  compliance: ComplianceService;
  directive: DirectiveService;
  heartbeat: HeartbeatService;
  maintenance: MaintenanceService;
  networkOperator: NetworkOperatorService;
  fund: FundService;
  cameraRegistration: CameraRegistrationService;
}

export function createServices(db: ScopedDb): Services {
  return {
    district: new DistrictService(db),
    ward: new WardService(db),
    camera: new CameraService(db),
    rentalHouse: new RentalHouseService(db),
    layer: new LayerService(db),
    coverage: new CoverageService(db),
    audit: new AuditService(db),
    user: new UserService(db),
    penaltyCase: new PenaltyCaseService(db),
    unit: new UnitService(db),
    civilServant: new CivilServantService(db),
    compliance: new ComplianceService(db),
    directive: new DirectiveService(db),
    heartbeat: new HeartbeatService(db),
    maintenance: new MaintenanceService(db),
    networkOperator: new NetworkOperatorService(db),
    fund: new FundService(db),
    cameraRegistration: new CameraRegistrationService(db),
  };
}

/** Per-request batch loaders: one query per kind of nested field, whatever the list size. */
export interface Loaders {
  districtStats: DataLoader<number, AreaStats>;
  ward: DataLoader<number, Ward>;
  wardStats: DataLoader<number, WardStats | undefined>;
  wardGroups: DataLoader<number, ResidentialGroup[]>;
  houseHasActiveCamera: DataLoader<number, boolean>;
  houseCameras: DataLoader<number, Camera[]>;
  groupCoverage: DataLoader<number, GroupCoverageFigures>;
  wardCoverage: DataLoader<number, CoverageFigures>;
  nearestActiveCamera: DataLoader<number, number | null>;
  rentalHouse: DataLoader<number, RentalHouse | undefined>;
  houseStatusHistory: DataLoader<number, RentalHouseEvent[]>;
  housePenaltyCases: DataLoader<number, PenaltyCase[]>;
  penaltyCaseEvents: DataLoader<number, PenaltyCaseEvent[]>;
  unit: DataLoader<number, Unit>;
  homeCamera: DataLoader<number, Camera | null>;
  civilServantChecks: DataLoader<number, CivilServantCheck[]>;
  civilServantLastCheck: DataLoader<number, CivilServantCheck | null>;
  cameraStatusHistory: DataLoader<number, CameraStatusEvent[]>;
  maintenanceTicketEvents: DataLoader<number, MaintenanceTicketEvent[]>;
  maintenanceCamera: DataLoader<number, Camera | undefined>;
  networkOperator: DataLoader<number, NetworkOperatorRecord | null>;
  supportAgreement: DataLoader<number, SupportAgreement | null>;
  cameraConnection: DataLoader<number, CameraNetworkConnection | null>;
  fundSpendings: DataLoader<number, FundSpending[]>;
  fundTicket: DataLoader<number, MaintenanceTicket | null>;
  registrationCamera: DataLoader<number, Camera | null>;
}

/** What lives for the whole process: shared by every request. */
export interface AppDeps {
  config: Config;
  ds: DataSource;
  auth: AuthService;
  /** false only in the test that proves the server-side rule holds without row-level security. */
  rowLevelSecurity: boolean;
}

export interface Context {
  config: Config;
  /** The logged-in user, or null. */
  viewer: Viewer | null;
  /** The request's transaction (opened on first use; committed when the response is sent). */
  db: ScopedDb;
  services: Services;
  loaders: Loaders;
  auth: AuthService;
  req: Request;
  res: Response;
  /** Makes the rest of this request act as `viewer` (after a login). */
  actAs(viewer: Viewer): void;
}

export function createContext(deps: AppDeps, req: Request, res: Response, viewer: Viewer | null): Context {
  const db = new ScopedDb(deps.ds, viewer, deps.rowLevelSecurity);
  const services = createServices(db);
  return {
    config: deps.config,
    viewer,
    db,
    services,
    auth: deps.auth,
    req,
    res,
    // Mutates the object it is called on: the one the resolvers and plugins hold (Apollo may have
    // copied the context this function returned).
    actAs(this: Context, next: Viewer) {
      if (this.db.isOpen) throw new Error('cannot change user once the request has used the database');
      const { actAs: _keep, ...fresh } = createContext(deps, req, res, next);
      Object.assign(this, fresh);
    },
    loaders: {
      districtStats: new DataLoader((ids) => Promise.all(ids.map((id) => services.district.stats(id)))),
      ward: new DataLoader<number, Ward>((ids) => services.ward.byIds(ids)),
      wardStats: new DataLoader((ids) => services.ward.stats(ids)),
      wardGroups: new DataLoader((ids) => services.ward.groupsOfWards(ids)),
      houseHasActiveCamera: new DataLoader((ids) => services.rentalHouse.hasActiveCamera(ids)),
      houseCameras: new DataLoader((ids) => services.camera.ofRentalHouses(ids)),
      groupCoverage: new DataLoader<number, GroupCoverageFigures>((ids) => services.coverage.ofGroups(ids)),
      wardCoverage: new DataLoader((ids) => services.coverage.ofWards(ids)),
      nearestActiveCamera: new DataLoader((ids) => services.coverage.nearestActiveCamera(ids)),
      rentalHouse: new DataLoader((ids) => services.rentalHouse.byIds(ids)),
      houseStatusHistory: new DataLoader((ids) => services.rentalHouse.historyOf(ids)),
      housePenaltyCases: new DataLoader((ids) => services.penaltyCase.ofRentalHouses(ids)),
      penaltyCaseEvents: new DataLoader((ids) => services.penaltyCase.eventsOf(ids)),
      unit: new DataLoader<number, Unit>((ids) => services.unit.byIds(ids)),
      homeCamera: new DataLoader((ids) => services.civilServant.camerasByIds(ids)),
      civilServantChecks: new DataLoader((ids) => services.civilServant.checksOf(ids)),
      civilServantLastCheck: new DataLoader((ids) => services.civilServant.lastCheckOf(ids)),
      cameraStatusHistory: new DataLoader((ids) => services.heartbeat.historyOf(ids)),
      maintenanceTicketEvents: new DataLoader((ids) => services.maintenance.eventsOf(ids)),
      maintenanceCamera: new DataLoader((ids) => services.maintenance.camerasOf(ids)),
      networkOperator: new DataLoader((ids) => services.networkOperator.operatorsByIds(ids)),
      supportAgreement: new DataLoader((ids) => services.networkOperator.agreementsByIds(ids)),
      cameraConnection: new DataLoader((ids) => services.networkOperator.connectionsOfCameras(ids)),
      fundSpendings: new DataLoader((ids) => services.fund.spendingsOf(ids)),
      fundTicket: new DataLoader((ids) => services.fund.ticketsByIds(ids)),
      registrationCamera: new DataLoader((ids) => services.cameraRegistration.camerasByIds(ids)),
    },
  };
}
