import express, { type Express, type Request, type Response } from 'express';
import { addressOf, perMinute, sendError as sendHttpError } from '../app';
import type { AppDeps } from '../context';
import { BadUserInputError, UnauthenticatedError } from '../errors';
import { HEARTBEAT_LIMITS, receiveHeartbeat, tokenHash } from '../services/heartbeat.service';

/** A coded JSON error as every plain HTTP route sends it; a refused token also names the scheme. */
function sendError(res: Response, err: unknown): void {
  if (err instanceof UnauthenticatedError) res.setHeader('WWW-Authenticate', 'Bearer realm="wardwatch-heartbeat"');
  sendHttpError(res, err);
}

/** The bearer token of a request, or UNAUTHENTICATED. */
function bearerOf(req: Request): string {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S{1,200})\s*$/i.exec(header);
  if (!m) throw new UnauthenticatedError('A heartbeat needs the header "Authorization: Bearer <heartbeat token>"');
  return m[1]!;
}

const MAX_ID = 2 ** 31 - 1;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_ID;

/** The camera ids of a body `{"cameraIds": [..]}` (1 to 500) or `{"cameraId": n}`; BAD_USER_INPUT naming the field. */
export function cameraIdsOf(body: unknown): number[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadUserInputError('cameraIds', 'send a JSON object: {"cameraIds": [1, 2]} or {"cameraId": 1}');
  }
  const b = body as { cameraIds?: unknown; cameraId?: unknown };
  if (b.cameraIds !== undefined && b.cameraId !== undefined) throw new BadUserInputError('cameraId', 'give cameraIds or cameraId, not both');
  if (b.cameraId !== undefined) {
    if (!isId(b.cameraId)) throw new BadUserInputError('cameraId', `must be a camera id (a whole number from 1 to ${MAX_ID})`);
    return [b.cameraId];
  }
  if (!Array.isArray(b.cameraIds) || b.cameraIds.length < 1 || b.cameraIds.length > HEARTBEAT_LIMITS.cameraIds) {
    throw new BadUserInputError('cameraIds', `must be a list of 1 to ${HEARTBEAT_LIMITS.cameraIds} camera ids`);
  }
  const bad = b.cameraIds.findIndex((v) => !isId(v));
  if (bad >= 0) throw new BadUserInputError(`cameraIds[${bad}]`, `must be a camera id (a whole number from 1 to ${MAX_ID})`);
  return [...new Set(b.cameraIds as number[])];
}

/**
 * POST /api/heartbeat (R10): a camera, or a network operator's gateway, reports that cameras are up.
 *
 *   Authorization: Bearer <heartbeat token>     (issued by Mutation.issueHeartbeatToken; not a user login)
 *   {"cameraIds": [12, 13]}  or  {"cameraId": 12}
 *
 * 200 {"accepted": [ids], "rejected": [{"cameraId", "reason"}], "statuses": {"12": "ACTIVE"}}: each
 * accepted camera's last heartbeat is now, and an OFFLINE one is ACTIVE again; a camera the token
 * may not heartbeat (another camera, one not connected through the operator, none such) is rejected.
 * 401 UNAUTHENTICATED for a missing, unknown or revoked token; 400 BAD_USER_INPUT naming the field;
 * 429 TOO_MANY_REQUESTS past config.heartbeatRateLimitPerMinute requests a minute per token (and five
 * times config.rateLimitPerMinute per address). A refused request writes nothing.
 */
export function registerHeartbeatRoutes(app: Express, deps: AppDeps): void {
  const { config } = deps;
  const perAddress = perMinute(config.rateLimitPerMinute * 5, addressOf, ' from this address', 'heartbeats');
  // Per token (by its hash: the token itself is kept nowhere), before the body is even read.
  const perToken = perMinute(config.heartbeatRateLimitPerMinute, (req) => `token:${tokenHash(bearerOf(req)).toString('hex')}`, ' with this token', 'heartbeats');
  const needsToken = (req: Request, res: Response, next: () => void) => {
    try {
      bearerOf(req);
      next();
    } catch (err) {
      sendError(res, err);
    }
  };
  app.post('/api/heartbeat', perAddress, needsToken, perToken, express.json({ limit: '64kb' }), async (req, res) => {
    try {
      const ids = cameraIdsOf(req.body);
      const result = await receiveHeartbeat(deps.ds, bearerOf(req), ids, deps.rowLevelSecurity);
      res.setHeader('Cache-Control', 'no-store').json(result);
    } catch (err) {
      sendError(res, err);
    }
  });
  app.all('/api/heartbeat', (_req, res) => {
    res.status(405).setHeader('Allow', 'POST').json({ errors: [{ message: 'Heartbeats are POSTed', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
  });
}
