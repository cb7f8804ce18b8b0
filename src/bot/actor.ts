/** The person behind the activity, as Teams identifies them. */
export interface Actor {
  /** Entra object id: what authorisation checks. */
  aadObjectId: string;
  name: string;
}
