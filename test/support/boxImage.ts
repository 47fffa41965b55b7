import { fileURLToPath } from "node:url";
import { GenericContainer } from "testcontainers";

const SSHD_CONTEXT = fileURLToPath(new URL("../../docker/sshd", import.meta.url));
const built = new Map<boolean, Promise<string>>();

// The base the box images build FROM: the offline debootstrap image here, Debian's slim image elsewhere.
export function baseImage(): string {
  return process.env.MOOR_TEST_BASE_IMAGE ?? "debian:bookworm-slim";
}

// Builds docker/sshd once per process per variant (Docker's layer cache makes later builds ~50 ms).
export function boxImage(tmux: boolean): Promise<string> {
  let image = built.get(tmux);
  if (image === undefined) {
    image = buildBoxImage(tmux);
    built.set(tmux, image);
    image.catch(() => built.delete(tmux));
  }
  return image;
}

async function buildBoxImage(tmux: boolean): Promise<string> {
  const name = `moor-test-sshd:${tmux ? "tmux" : "no-tmux"}`;
  try {
    await GenericContainer.fromDockerfile(SSHD_CONTEXT, "Dockerfile")
      .withBuildArgs({ BASE_IMAGE: baseImage(), WITH_TMUX: tmux ? "1" : "0" })
      .build(name, { deleteOnExit: false });
  } catch (error) {
    throw new Error(`could not build the test box image ${name} from ${SSHD_CONTEXT} on ${baseImage()}`, {
      cause: error,
    });
  }
  return name;
}
