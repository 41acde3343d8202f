import { AppError, invalid } from '../../shared/errors.ts'
import * as messaging from '../messaging/index.ts'

/** The number in E.164, or invalid('invalid_phone') with the message attached to the phone field. */
export function mobileNumber(input: string): string {
  try {
    return messaging.normalisePhone(input, { mobile: true })
  } catch (error) {
    if (error instanceof AppError) throw invalid(error.code, error.message, { phone: error.message })
    throw error
  }
}
