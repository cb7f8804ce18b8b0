/**
 * Sandbox only: `as approver` / `as operator` changes who the bot believes
 * is typing in one conversation, because the Agents Playground has no user
 * switch and an approval needs a second person. Start-up wiring enables it
 * only when the bot serves the built-in sandbox tenant; the guard asks it
 * for the actor of every message and click, before authorisation, so the
 * persona is checked against the groups like anyone else.
 *
 * The choice lives in memory on purpose: a restart puts everyone back as
 * themselves, and nothing about it reaches the state store but the audit.
 */
import type { TurnContext } from 'botbuilder';
import type { Person } from '../model/people';

export interface Persona {
  /** The word typed after `as`. */
  role: string;
  aadObjectId: string;
  name: string;
  userPrincipalName: string;
}

const keyOf = (ctx: TurnContext, real: Person) => `${ctx.activity.conversation?.id ?? ''}\n${real.id.toLowerCase()}`;

export class ActingAs {
  private readonly chosen = new Map<string, Persona>();
  private readonly byRole: Map<string, Persona>;

  constructor(personas: Persona[]) {
    this.byRole = new Map(personas.map((p) => [p.role.toLowerCase(), p]));
  }

  get roles(): string[] {
    return [...this.byRole.keys()];
  }

  persona(role: string): Persona | undefined {
    return this.byRole.get(role.trim().toLowerCase());
  }

  /** Who the bot treats as typing: the chosen persona in this conversation, else the real sender. */
  actorFor(ctx: TurnContext, real: Person): Person {
    const persona = this.chosen.get(keyOf(ctx, real));
    return persona ? { id: persona.aadObjectId, name: persona.name } : real;
  }

  choose(ctx: TurnContext, real: Person, persona: Persona): void {
    this.chosen.set(keyOf(ctx, real), persona);
  }
}
