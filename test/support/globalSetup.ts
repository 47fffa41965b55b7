import { getContainerRuntimeClient } from "testcontainers";
import { boxImage } from "./boxImage.js";

const ADVICE = "run `. docker/provision.sh` (or start Docker Desktop) and try again";

// Integration tests need real boxes: without a Docker engine they fail here with advice, never skip.
export default async function setup(): Promise<void> {
  try {
    await getContainerRuntimeClient();
  } catch (error) {
    throw new Error(`no Docker engine answers: ${ADVICE}`, { cause: error });
  }
  // Build both box images once up front, so test files only hit Docker's layer cache.
  await Promise.all([boxImage(true), boxImage(false)]);
}
