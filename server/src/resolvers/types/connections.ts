import { ObjectType } from 'type-graphql';
import { Camera, RentalHouse } from '../../entities';
import { Connection } from './connection';

@ObjectType()
export class CameraConnection extends Connection(Camera, 'Camera') {}

@ObjectType()
export class RentalHouseConnection extends Connection(RentalHouse, 'RentalHouse') {}
