import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Camera, ResidentialGroup, Ward } from './entities';
import type { Config } from './config';
import { CameraService } from './services/camera.service';
import { CoverageService, type CoverageFigures, type GroupCoverageFigures } from './services/coverage.service';
import { DistrictService, type AreaStats } from './services/district.service';
import { LayerService } from './services/layer.service';
import { RentalHouseService } from './services/rental-house.service';
import { WardService, type WardStats } from './services/ward.service';

export interface Services {
  district: DistrictService;
  ward: WardService;
  camera: CameraService;
  rentalHouse: RentalHouseService;
  layer: LayerService;
  coverage: CoverageService;
}

export function createServices(ds: DataSource): Services {
  return {
    district: new DistrictService(ds),
    ward: new WardService(ds),
    camera: new CameraService(ds),
    rentalHouse: new RentalHouseService(ds),
    layer: new LayerService(ds),
    coverage: new CoverageService(ds),
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
}

export interface Context {
  config: Config;
  services: Services;
  loaders: Loaders;
}

export function createContext(config: Config, services: Services): Context {
  return {
    config,
    services,
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
    },
  };
}
