import { ObjectType } from 'type-graphql';
import { Camera, PenaltyCase, RentalHouse } from '../../entities';
import { CivilServant } from '../../entities/civil-servant';
import { Connection } from './connection';

@ObjectType()
export class CameraConnection extends Connection(Camera, 'Camera') {}

@ObjectType()
export class RentalHouseConnection extends Connection(RentalHouse, 'RentalHouse') {}

@ObjectType()
export class CivilServantConnection extends Connection(CivilServant, 'CivilServant') {}

@ObjectType()
export class PenaltyCaseConnection extends Connection(PenaltyCase, 'PenaltyCase') {}
