/** The host of the desktop language server: the disk, and coders' versions from folders and git. */
import { nodeCoderVersions } from './coderVersions';
import { NodeHost } from './nodeHost';

export function serverHost(): NodeHost {
  return new NodeHost({ coderVersions: nodeCoderVersions });
}
