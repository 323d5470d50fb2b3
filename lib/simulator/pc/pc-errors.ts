/**
 * Why a simulated PC action was refused. Each reason has the HTTP status the control API answers
 * with and is sent as `details.reason` so that tests and the page can tell failures apart.
 */
const SIM_PC_ERROR_STATUS = {
  company_not_found: 404,
  user_not_found: 404,
  pc_off: 409,
  invalid_user_name: 422,
  user_exists: 409,
  password_required: 422,
  login_failed: 422,
  login_in_use: 409,
  not_logged_in: 409,
  already_installed: 409,
  invalid_license_key: 422,
  no_connection: 409,
  not_installed: 409,
  connector_stopped: 409,
  wrong_step: 409,
  data_file_not_found: 422,
  credentials_invalid: 422,
  not_linked: 409,
  invalid_version: 422,
  cannot_delete_manager: 409,
  needs_windows_admin: 403,
  codat_unreachable: 503,
  pc_shared: 409,
} as const;

export type SimPcErrorReason = keyof typeof SIM_PC_ERROR_STATUS;

export class SimPcError extends Error {
  override name = "SimPcError";
  readonly reason: SimPcErrorReason;
  readonly status: number;

  constructor(reason: SimPcErrorReason, message: string) {
    super(message);
    this.reason = reason;
    this.status = SIM_PC_ERROR_STATUS[reason];
  }
}
