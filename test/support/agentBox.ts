import { startBox, type Box } from "./box.js";
import { startFakeModel, type FakeModel } from "./fakeModel.js";

// A box with the real agents (docker/agents) pointed at a fresh fake model on the shared loopback.
export interface AgentBox {
  box: Box;
  model: FakeModel;
  stop(): Promise<void>;
}

export async function startAgentBox(options: { trustedDirs?: string[] } = {}): Promise<AgentBox> {
  const model = await startFakeModel();
  try {
    const box = await startBox({ agents: true });
    const configured = await box.exec(["configure-agents", String(model.port), ...(options.trustedDirs ?? [])]);
    if (configured.exitCode !== 0) throw new Error(`configure-agents failed in the box: ${configured.output}`);
    return { box, model, stop: async () => void (await Promise.all([box.stop(), model.close()])) };
  } catch (error) {
    await model.close();
    throw error;
  }
}
