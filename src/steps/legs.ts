/**
 * `push-by-digest: true` in the action: a leg of a multi-platform build, pushed by digest to every
 * image in `images`, no tag. The builder's driver decides how (buildx/push-by-digest.ts); this
 * adapter checks the builder can, and after the build pushes the OCI layout itself (docker
 * driver) or reads back what buildx pushed, for the `digest` and `platform` outputs.
 */
import { openOciLayout } from '../image/oci-layout.js';
import type { ImageSource } from '../oci/source.js';
import { InputError } from '../util/errors.js';
import type { Io } from '../io/port.js';
import { registryClientsOf } from './registry-clients.js';
import type { BuilderInfo } from '../buildx/builder.js';
import { digestPushMode, type DigestPushMode } from '../buildx/push-by-digest.js';
import { engineHasContainerdStore } from '../buildx/run.js';
import { connect } from '../registry/connect.js';
import { formatBytes } from '../render/format.js';
import { legPlatform } from '../image/leg-platform.js';
import {
  layoutContent,
  pushLayoutContent,
  type PushTarget,
  type TargetPush,
} from '../registry/push-layout.js';

export interface LegInputs {
  images: string[];
  insecureRegistries: string[];
}

export interface LegPlan {
  mode: DigestPushMode;
  images: string[];
  /** Where the docker driver's OCI layout tar is written (mode `layout`). */
  layoutPath: string;
}

export interface PushedLeg {
  /** The manifest buildx made: the image's, or an index of it and its attestations. */
  digest: string;
  /** `linux/amd64`. */
  platform: string;
}

/** How this builder pushes by digest; refuses (before the build) a docker engine that cannot export OCI. */
export async function planLeg(
  io: Io,
  inputs: LegInputs,
  builder: BuilderInfo | undefined,
  layoutPath: string,
): Promise<LegPlan> {
  if (!builder) {
    throw new InputError(
      'push-by-digest',
      'true',
      'needs to know how the builder pushes (its driver), and docker buildx inspect could not tell',
    );
  }
  const mode = digestPushMode(builder.driver);
  if (mode === 'layout') {
    const endpoint = builder.nodes[0]?.endpoint;
    // A docker-driver builder's endpoint is a docker context, unless it is the engine's address.
    const context = endpoint && !endpoint.includes('://') ? endpoint : undefined;
    if ((await engineHasContainerdStore(context)) === false) {
      throw new InputError(
        'push-by-digest',
        'true',
        `cannot work with builder ${builder.name}: its driver (docker) cannot push by digest, and its engine ` +
          'cannot export the OCI layout shipshape would push instead (it does not use the containerd image store). ' +
          'Enable the containerd image store, or use a docker-container builder (docker/setup-buildx-action)',
      );
    }
    io.info(
      `push-by-digest: the docker driver cannot push by digest; buildx writes an OCI layout and shipshape ` +
        `uploads it by digest to ${inputs.images.join(', ')}`,
    );
  } else {
    io.info(
      `push-by-digest: buildx pushes by digest to ${inputs.images.join(', ')} (driver ${builder.driver})`,
    );
  }
  return { mode, images: inputs.images, layoutPath };
}

/** After the build: the layout uploaded (docker driver), the digest and platform read back. */
export async function pushLeg(
  io: Io,
  plan: LegPlan,
  inputs: LegInputs,
  builtDigest: string,
): Promise<PushedLeg> {
  const connections = await Promise.all(
    plan.images.map((image) =>
      connect(image, {
        clients: registryClientsOf(io),
        insecureRegistries: inputs.insecureRegistries,
        env: io.env,
        onSecret: (secret) => io.mask(secret),
        input: 'images',
      }),
    ),
  );
  let source: ImageSource;
  let digest: string;
  if (plan.mode === 'layout') {
    source = await openOciLayout(plan.layoutPath);
    digest = (await source.manifest('')).digest;
    const content = await layoutContent(source, digest);
    const targets: PushTarget[] = connections.map((c, i) => ({
      client: c.client,
      repository: c.reference.repository,
      name: plan.images[i],
    }));
    for (const pushed of await pushLayoutContent(source, content, targets))
      io.info(describePush(pushed, digest));
  } else {
    if (!builtDigest) throw new Error('buildx reported no digest for the image it pushed');
    digest = builtDigest;
    source = connections[0].source;
  }
  return { digest, platform: await legPlatform(source, digest) };
}

/** `Pushed localhost:5000/legs/app@sha256:...: 2 blobs uploaded (1.2 MB), 1 mounted, 3 already there`. */
export function describePush(pushed: TargetPush, digest: string): string {
  const parts = [
    `${pushed.uploaded} blob(s) uploaded (${formatBytes(pushed.uploadedBytes)})`,
    `${pushed.mounted} mounted from another repository`,
    `${pushed.existing} already there`,
    `${pushed.manifests} manifest(s)`,
  ];
  return `Pushed ${pushed.name}@${digest} by digest: ${parts.join(', ')}`;
}
