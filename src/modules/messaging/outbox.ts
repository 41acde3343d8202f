import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '../../db/database.ts'
import { AppError, conflict, invalid } from '../../shared/errors.ts'
import { parseInput } from '../../shared/validation.ts'
import * as privacy from '../privacy/index.ts'
import { normaliseEmail, normalisePhone } from './addresses.ts'
import { channelsOf } from './message-kind.ts'
import { type MessageData, type MessageKind, requireMessageKind } from './message-kinds.ts'
import type { MessageChannel } from './messaging.tables.ts'
import { findOutboxMessageByKey, insertOutboxMessage, type OutboxMessage } from './outbox.queries.ts'

export interface QueueMessageInput<K extends MessageKind = MessageKind> {
  kind: K
  /** The account the message is for; required for consent-based kinds, and lets erasure find the row. */
  toUserId?: string | null | undefined
  /**
   * An email address, a phone number, or both for kinds that go out on both channels. A single
   * address (a string) must be valid. In the object form each channel is best effort: an address
   * that cannot be reached on its channel (a landline for SMS, a malformed email) is recorded as a
   * `skipped` row with the reason, the other channel still goes out, and nothing is thrown, so a
   * notification that cannot reach someone never fails the action that caused it.
   */
  to: string | { email?: string | null | undefined; phone?: string | null | undefined }
  data: MessageData<K>
  /**
   * Makes queueing repeatable: the same key queues nothing new and returns the existing message.
   * Defaults to a fresh UUID. Kinds with two channels store `<key>:email` and `<key>:sms`.
   */
  idempotencyKey?: string | undefined
}

const userId = z.uuid()
const key = z.string().min(1).max(200)

/**
 * Queues a message in the caller's transaction, one outbox row per channel; it is sent only if
 * that transaction commits. A channel whose address cannot be reached (object form of `to` only)
 * gets a row in status `skipped`, its reason in `last_error`; the worker never picks it up.
 * Throws invalid('invalid_message_data' | 'invalid_email' | 'invalid_phone' (a single bad address
 * given as a string) | 'channel_not_supported' | 'recipient_required' | 'recipient_user_required'),
 * forbidden('consent_required') for a consent-based kind without consent, and
 * conflict('idempotency_key_reused').
 */
export async function queueMessage<K extends MessageKind>(
  tx: Db,
  input: QueueMessageInput<K>,
): Promise<OutboxMessage[]> {
  const definition = requireMessageKind(input.kind)
  const data = parseInput(definition.schema, input.data, 'invalid_message_data') as Record<string, unknown>
  const addresses = resolveAddresses(input.kind, channelsOf(definition), input.to)
  const toUserId = input.toUserId == null ? null : parseInput(userId, input.toUserId, 'invalid_user_id')

  if (privacy.purposes[definition.purpose].basis === 'consent') {
    if (!toUserId) {
      throw invalid(
        'recipient_user_required',
        `"${input.kind}" needs the recipient's account to check consent.`,
      )
    }
    if (!(await privacy.hasConsent(tx, toUserId, definition.purpose))) {
      throw new AppError(
        'forbidden',
        'consent_required',
        `This person has not agreed to "${privacy.purposes[definition.purpose].title}", so "${input.kind}" is not sent.`,
      )
    }
  }

  const baseKey =
    input.idempotencyKey === undefined
      ? randomUUID()
      : parseInput(key, input.idempotencyKey, 'invalid_idempotency_key')
  const perChannelKeys = channelsOf(definition).length > 1
  const rows: OutboxMessage[] = []
  for (const { channel, toAddress, skipReason } of addresses) {
    const idempotencyKey = perChannelKeys ? `${baseKey}:${channel}` : baseKey
    const inserted = await insertOutboxMessage(tx, {
      kind: input.kind,
      channel,
      purpose: definition.purpose,
      recipientUserId: toUserId,
      toAddress,
      // A skipped message is never sent, so a one-time secret in it is not kept either.
      data: skipReason !== undefined && definition.eraseDataWhenDone ? {} : data,
      idempotencyKey,
      ...(skipReason === undefined ? {} : { status: 'skipped' as const, lastError: skipReason }),
    })
    const row = inserted ?? (await findOutboxMessageByKey(tx, idempotencyKey))
    if (!row || row.kind !== input.kind || row.channel !== channel) {
      throw conflict(
        'idempotency_key_reused',
        `The idempotency key "${idempotencyKey}" belongs to another message.`,
      )
    }
    rows.push(row)
  }
  return rows
}

interface ResolvedAddress {
  channel: MessageChannel
  toAddress: string
  /** Set when the address cannot be reached on this channel: the row is recorded as skipped. */
  skipReason?: string
}

function resolveAddresses(
  kind: string,
  channels: MessageChannel[],
  to: QueueMessageInput['to'],
): ResolvedAddress[] {
  const single = typeof to === 'string'
  const given: Partial<Record<MessageChannel, string>> = single
    ? to.includes('@')
      ? { email: to }
      : { sms: to }
    : { email: to.email ?? undefined, sms: to.phone ?? undefined }
  const addresses: ResolvedAddress[] = []
  for (const channel of ['email', 'sms'] as const) {
    const address = given[channel]
    if (address === undefined) continue
    if (!channels.includes(channel)) {
      throw invalid(
        'channel_not_supported',
        `"${kind}" is not sent by ${channel === 'sms' ? 'SMS' : 'email'}.`,
      )
    }
    try {
      addresses.push({
        channel,
        toAddress: channel === 'email' ? normaliseEmail(address) : normalisePhone(address, { mobile: true }),
      })
    } catch (error) {
      if (single || !(error instanceof AppError) || error.kind !== 'invalid') throw error
      // The reason is the validator's sentence, which never repeats the address itself.
      addresses.push({
        channel,
        toAddress: address.trim().slice(0, 254),
        skipReason: `${error.code}: ${error.message}`,
      })
    }
  }
  if (addresses.length === 0) throw invalid('recipient_required', `"${kind}" needs an address to send to.`)
  return addresses
}
