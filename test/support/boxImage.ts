import { fileURLToPath } from "node:url";
import { GenericContainer } from "testcontainers";
import { defaultRelease, releaseBaseImage, type TmuxRelease } from "./tmuxReleases.js";

const SSHD_CONTEXT = fileURLToPath(new URL("../../docker/sshd", import.meta.url));
const built = new Map<string, Promise<string>>();

/** Which box image: a tmux release's, with its tmux binary or without it. */
export interface BoxVariant {
  release: TmuxRelease;
  tmux: boolean;
}

// What startBox's `tmux` option asks for: a release by name, or true/false (with or without tmux) for the default
// release (MOOR_TEST_TMUX, else 3.3).
export function boxVariant(tmux: TmuxRelease | boolean = true): BoxVariant {
  return typeof tmux === "string" ? { release: tmux, tmux: true } : { release: defaultRelease(), tmux };
}

// Builds docker/sshd once per process per variant (Docker's layer cache makes later builds ~50 ms).
export function boxImage(variant: BoxVariant): Promise<string> {
  const key = `${variant.release}-${variant.tmux ? "tmux" : "no-tmux"}`;
  let image = built.get(key);
  if (image === undefined) {
    image = buildBoxImage(variant);
    built.set(key, image);
    image.catch(() => built.delete(key));
  }
  return image;
}

// The 3.3 images keep their old names (moor-test-sshd:tmux, :no-tmux); the others add the release.
function imageName({ release, tmux }: BoxVariant): string {
  return `moor-test-sshd:${tmux ? "tmux" : "no-tmux"}${release === "3.3" ? "" : `-${release}`}`;
}

async function buildBoxImage(variant: BoxVariant): Promise<string> {
  const name = imageName(variant);
  const base = releaseBaseImage(variant.release);
  try {
    await GenericContainer.fromDockerfile(SSHD_CONTEXT, "Dockerfile")
      .withBuildArgs({ BASE_IMAGE: base, WITH_TMUX: variant.tmux ? "1" : "0" })
      .build(name, { deleteOnExit: false });
  } catch (error) {
    throw new Error(`could not build the test box image ${name} from ${SSHD_CONTEXT} on ${base}`, { cause: error });
  }
  return name;
}
