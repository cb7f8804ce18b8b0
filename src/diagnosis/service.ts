/**
 * The one place that joins gathering and evaluation: facts from a gateway,
 * verdict from the pure rules. The bot and the CLI both call this.
 */
import type { FactsGateway } from './ports';
import { evaluate } from './verdict';
import type { DiagnosisSettings } from '../model/facts';
import type { DiagnoseRequest } from '../model/facts';
import type { Verdict } from '../model/verdictTypes';

export class DiagnosisService {
  constructor(
    private readonly gateway: FactsGateway,
    private readonly settings: DiagnosisSettings,
  ) {}

  /** The request must come from `parseDiagnoseRequest`: nothing unvalidated reaches Graph. */
  async diagnose(request: DiagnoseRequest): Promise<Verdict> {
    const { tenant, user, usage } = await this.gateway.gather(request.upn);
    return evaluate({ tenant, user, device: request.device, settings: this.settings }, usage);
  }
}
