/**
 * The version of the roles plugin. It is part of a contributed ladder's digest: a release may
 * read the same file otherwise, and its first boot then reads every contributed file again.
 */
export const rolesVersion = "0.1.0"
