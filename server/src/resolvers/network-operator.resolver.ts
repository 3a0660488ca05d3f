import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Camera } from '../entities';
import { CameraNetworkConnection, NetworkOperatorRecord, SupportAgreement } from '../entities/network-operator';
import { NotFoundError } from '../errors';
import {
  CameraConnectionInput,
  CreateNetworkOperatorInput,
  CreateSupportAgreementInput,
  UpdateNetworkOperatorInput,
  UpdateSupportAgreementInput,
} from './types/network-operator.input';
import { OperatorReport } from './types/operator-report';

/**
 * Network operators (R3): the district's operators, their agreements, each camera's connection, and the report.
 * (An operator lists no agreements of its own: `supportAgreements(operatorId)` does, and a cycle operator ->
 * agreements -> operator would let one query cost more than the query-cost limit allows.)
 */
@Resolver(() => NetworkOperatorRecord)
export class NetworkOperatorResolver {
  @Query(() => [NetworkOperatorRecord], { description: "The district's network operators (R3), by code." })
  networkOperators(@Ctx() ctx: Context): Promise<NetworkOperatorRecord[]> {
    return ctx.services.networkOperator.listOperators();
  }

  @Query(() => [SupportAgreement], { description: "The district's support agreements, newest first: optionally one operator's, or only those in force (or not) today." })
  supportAgreements(
    @Arg('operatorId', () => Int, { nullable: true }) operatorId: number | undefined,
    @Arg('inForce', () => Boolean, { nullable: true }) inForce: boolean | undefined,
    @Ctx() ctx: Context,
  ): Promise<SupportAgreement[]> {
    return ctx.services.networkOperator.listAgreements(operatorId, inForce);
  }

  @Query(() => OperatorReport, {
    description: 'Cameras per operator and ward, the share supported by an agreement in force, and the monthly fees covered and not covered (R3).',
  })
  operatorReport(@Arg('wardId', () => Int, { nullable: true }) wardId: number | undefined, @Ctx() ctx: Context): Promise<OperatorReport> {
    return ctx.services.networkOperator.report(wardId);
  }

  @Mutation(() => NetworkOperatorRecord, { description: 'Adds a network operator to the district (its code is unique in the district).' })
  createNetworkOperator(@Arg('input', () => CreateNetworkOperatorInput) input: CreateNetworkOperatorInput, @Ctx() ctx: Context): Promise<NetworkOperatorRecord> {
    return ctx.services.networkOperator.createOperator(input);
  }

  @Mutation(() => NetworkOperatorRecord, { description: "Changes an operator's name, kind or contact (its cameras' network operator follows its kind)." })
  updateNetworkOperator(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => UpdateNetworkOperatorInput) input: UpdateNetworkOperatorInput,
    @Ctx() ctx: Context,
  ): Promise<NetworkOperatorRecord> {
    return ctx.services.networkOperator.updateOperator(id, input);
  }

  @Mutation(() => SupportAgreement, { description: "Records a support agreement with one of the district's operators." })
  createSupportAgreement(@Arg('input', () => CreateSupportAgreementInput) input: CreateSupportAgreementInput, @Ctx() ctx: Context): Promise<SupportAgreement> {
    return ctx.services.networkOperator.createAgreement(input);
  }

  @Mutation(() => SupportAgreement, { description: 'Changes a support agreement (its title, support, period or terms; it keeps its operator).' })
  updateSupportAgreement(
    @Arg('id', () => Int) id: number,
    @Arg('input', () => UpdateSupportAgreementInput) input: UpdateSupportAgreementInput,
    @Ctx() ctx: Context,
  ): Promise<SupportAgreement> {
    return ctx.services.networkOperator.updateAgreement(id, input);
  }

  @Mutation(() => CameraNetworkConnection, {
    description: "Connects a camera (or changes its connection): operator, plan, fee, and the operator's agreement that supports it (none: not supported).",
  })
  setCameraConnection(
    @Arg('cameraId', () => Int) cameraId: number,
    @Arg('input', () => CameraConnectionInput) input: CameraConnectionInput,
    @Ctx() ctx: Context,
  ): Promise<CameraNetworkConnection> {
    return ctx.services.networkOperator.setConnection(cameraId, input);
  }

  @Mutation(() => Boolean, { description: "Removes a camera's connection; false when it had none." })
  removeCameraConnection(@Arg('cameraId', () => Int) cameraId: number, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.networkOperator.removeConnection(cameraId);
  }

}

@Resolver(() => SupportAgreement)
export class SupportAgreementResolver {
  @FieldResolver(() => NetworkOperatorRecord)
  async operator(@Root() a: SupportAgreement, @Ctx() ctx: Context): Promise<NetworkOperatorRecord> {
    const o = await ctx.loaders.networkOperator.load(a.operatorId);
    if (!o) throw new NotFoundError('NetworkOperator', a.operatorId, 'operatorId');
    return o;
  }
}

@Resolver(() => CameraNetworkConnection)
export class CameraConnectionResolver {
  @FieldResolver(() => NetworkOperatorRecord)
  async operator(@Root() k: CameraNetworkConnection, @Ctx() ctx: Context): Promise<NetworkOperatorRecord> {
    const o = await ctx.loaders.networkOperator.load(k.operatorId);
    if (!o) throw new NotFoundError('NetworkOperator', k.operatorId, 'operatorId');
    return o;
  }

  @FieldResolver(() => SupportAgreement, { nullable: true })
  agreement(@Root() k: CameraNetworkConnection, @Ctx() ctx: Context): Promise<SupportAgreement | null> {
    return k.agreementId == null ? Promise.resolve(null) : ctx.loaders.supportAgreement.load(k.agreementId);
  }
}

/** Camera.connection: the camera's network connection (R3). */
@Resolver(() => Camera)
export class CameraConnectionFieldResolver {
  @FieldResolver(() => CameraNetworkConnection, { nullable: true, description: 'Its network connection (operator, plan, fee, support); null: none recorded.' })
  connection(@Root() c: Camera, @Ctx() ctx: Context): Promise<CameraNetworkConnection | null> {
    return ctx.loaders.cameraConnection.load(c.id);
  }
}
