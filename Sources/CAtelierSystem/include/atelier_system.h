#ifndef ATELIER_SYSTEM_H
#define ATELIER_SYSTEM_H

/// Swaps two paths in one atomic step (renameat2 with RENAME_EXCHANGE on Linux, renamex_np with RENAME_SWAP on
/// macOS). Returns 0, or -1 with errno set (EINVAL or ENOSYS where the file system cannot do it).
int atelier_exchange(const char *first, const char *second);

#endif
