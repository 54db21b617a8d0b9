import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { CloudAdapter } from 'botbuilder';

/**
 * botbuilder's CloudAdapter as shipped, with its turn entry point (`processActivity`: authentication, the turn
 * and its middleware, the invoke's answer) open to the app's HTTP glue, which reads and checks the body itself
 * (see `messagesHandler`).
 */
export class CareerCloudAdapter extends CloudAdapter {
  runTurn(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}
