/*
 * A file-layer fault shim for the store's SQLite files, loaded into the edge process with
 * LD_PRELOAD (tests/faults/support/fault-shim.ts compiles it at run time). It sits between the
 * edge and the kernel for the files in the data folder TILLBOX_SHIM_DIR (the database, its -wal,
 * the folder's marker; never the -shm, which SQLite rebuilds after a crash) and can do two things:
 *
 * Power cut (TILLBOX_SHIM_UNDO_DIR set): before each write or truncate of a tracked file it
 * appends the bytes about to be overwritten (and the file's size) to an undo journal, one per
 * file (<dir>/<basename>.undo); fsync or fdatasync of the file empties its journal, because
 * from then on those bytes are on disk. After the process is killed, applying the journals
 * backwards takes the files back to what had been fsynced: what a power cut loses.
 *
 * Disk full (TILLBOX_SHIM_FULL_FLAG set): while that file exists, a write that would make a
 * tracked file longer fails with ENOSPC, as on a full disk (overwriting allocated space works).
 *
 * Journal record: u32 magic 'PCUT', u32 kind (1 write, 2 truncate), u64 offset, u64 length,
 * u64 size before, then `length` old bytes from `offset`. Undo: write the old bytes back at
 * offset, then truncate to the size before.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FDS 65536
#define MAX_FILES 16
#define MAGIC 0x54554350u /* "PCUT" */

struct tracked_file {
  char path[PATH_MAX];
  int journal; /* undo journal fd, or -1 */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct tracked_file files[MAX_FILES];
static int file_count = 0;
static signed char fd_file[MAX_FDS]; /* index into files + 1, 0 = not tracked */

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_close)(int);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static ssize_t (*real_pwritev64)(int, const struct iovec *, int, off_t);
static int (*real_ftruncate)(int, off_t);
static int (*real_ftruncate64)(int, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);

static const char *match_dir;
static const char *undo_dir;
static const char *full_flag;

static void init(void) __attribute__((constructor));
static void init(void) {
  real_open = dlsym(RTLD_NEXT, "open");
  real_open64 = dlsym(RTLD_NEXT, "open64");
  real_openat = dlsym(RTLD_NEXT, "openat");
  real_openat64 = dlsym(RTLD_NEXT, "openat64");
  real_close = dlsym(RTLD_NEXT, "close");
  real_write = dlsym(RTLD_NEXT, "write");
  real_pwrite = dlsym(RTLD_NEXT, "pwrite");
  real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
  real_writev = dlsym(RTLD_NEXT, "writev");
  real_pwritev = dlsym(RTLD_NEXT, "pwritev");
  real_pwritev64 = dlsym(RTLD_NEXT, "pwritev64");
  real_ftruncate = dlsym(RTLD_NEXT, "ftruncate");
  real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
  real_fsync = dlsym(RTLD_NEXT, "fsync");
  real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
  match_dir = getenv("TILLBOX_SHIM_DIR");
  undo_dir = getenv("TILLBOX_SHIM_UNDO_DIR");
  full_flag = getenv("TILLBOX_SHIM_FULL_FLAG");
  if (match_dir && !*match_dir) match_dir = NULL;
  if (undo_dir && !*undo_dir) undo_dir = NULL;
  if (full_flag && !*full_flag) full_flag = NULL;
}

static void die(const char *what) {
  /* A shim that cannot keep its journal would make the test lie: stop the process loudly. */
  dprintf(2, "fault-shim: %s: %s\n", what, strerror(errno));
  abort();
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* A file directly in the data folder, other than SQLite's shared-memory index. */
static int is_tracked_path(const char *path) {
  if (!match_dir || !path) return 0;
  size_t n = strlen(match_dir);
  if (strncmp(path, match_dir, n) != 0 || path[n] != '/') return 0;
  const char *name = path + n + 1;
  return *name && !strchr(name, '/') && !ends_with(name, "-shm");
}

/* Called with the lock held: the file's index + 1 for this path, adding it if new. */
static int file_for(const char *path) {
  for (int i = 0; i < file_count; i++)
    if (strcmp(files[i].path, path) == 0) return i + 1;
  if (file_count == MAX_FILES) return 0;
  struct tracked_file *f = &files[file_count];
  snprintf(f->path, sizeof f->path, "%s", path);
  f->journal = -1;
  if (undo_dir) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char jpath[PATH_MAX];
    snprintf(jpath, sizeof jpath, "%s/%s.undo", undo_dir, base);
    f->journal = real_open(jpath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (f->journal < 0) die("opening the undo journal");
  }
  return ++file_count;
}

static void track(int fd, const char *path) {
  if (fd < 0 || fd >= MAX_FDS || !is_tracked_path(path)) return;
  pthread_mutex_lock(&lock);
  fd_file[fd] = (signed char)file_for(path);
  pthread_mutex_unlock(&lock);
}

static struct tracked_file *tracked(int fd) {
  if (fd < 0 || fd >= MAX_FDS || fd_file[fd] == 0) return NULL;
  return &files[fd_file[fd] - 1];
}

static void write_all(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n > 0) {
    ssize_t w = real_write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      die("writing the undo journal");
    }
    p += w;
    n -= (size_t)w;
  }
}

/* Called with the lock held: journal what [offset, offset + length) and the size are now. */
static void journal(struct tracked_file *f, int fd, uint32_t kind, uint64_t offset, uint64_t length) {
  if (f->journal < 0) return;
  struct stat st;
  if (fstat(fd, &st) != 0) die("fstat of a tracked file");
  uint64_t size = (uint64_t)st.st_size;
  uint64_t old_len = offset >= size ? 0 : (size - offset < length ? size - offset : length);
  char *old = malloc(old_len ? old_len : 1);
  if (!old) die("malloc");
  uint64_t got = 0;
  while (got < old_len) {
    ssize_t r = pread(fd, old + got, old_len - got, (off_t)(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) die("reading the bytes a write replaces");
    got += (uint64_t)r;
  }
  uint32_t head32[2] = {MAGIC, kind};
  uint64_t head64[3] = {offset, old_len, size};
  char header[sizeof head32 + sizeof head64];
  memcpy(header, head32, sizeof head32);
  memcpy(header + sizeof head32, head64, sizeof head64);
  /* One record, header and bytes, in as few writes as possible; a record cut short by the kill
     is ignored when the journals are applied (its data write had not started). */
  write_all(f->journal, header, sizeof header);
  if (old_len) write_all(f->journal, old, old_len);
  free(old);
}

/* Disk full: a write that would make the file longer fails. Called with the lock held. */
static int refuse_growth(int fd, uint64_t end) {
  if (!full_flag || access(full_flag, F_OK) != 0) return 0;
  struct stat st;
  if (fstat(fd, &st) != 0) return 0;
  return end > (uint64_t)st.st_size;
}

static ssize_t guarded_pwrite(ssize_t (*real)(int, const void *, size_t, off_t), int fd, const void *buf,
                              size_t n, off_t offset) {
  struct tracked_file *f = tracked(fd);
  if (!f) return real(fd, buf, n, offset);
  pthread_mutex_lock(&lock);
  if (refuse_growth(fd, (uint64_t)offset + n)) {
    pthread_mutex_unlock(&lock);
    errno = ENOSPC;
    return -1;
  }
  journal(f, fd, 1, (uint64_t)offset, n);
  ssize_t r = real(fd, buf, n, offset);
  pthread_mutex_unlock(&lock);
  return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset) {
  return guarded_pwrite(real_pwrite, fd, buf, n, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t offset) {
  return guarded_pwrite(real_pwrite64, fd, buf, n, offset);
}

ssize_t write(int fd, const void *buf, size_t n) {
  struct tracked_file *f = tracked(fd);
  if (!f) return real_write(fd, buf, n);
  off_t offset = lseek(fd, 0, SEEK_CUR);
  if (offset < 0) return real_write(fd, buf, n);
  pthread_mutex_lock(&lock);
  if (refuse_growth(fd, (uint64_t)offset + n)) {
    pthread_mutex_unlock(&lock);
    errno = ENOSPC;
    return -1;
  }
  journal(f, fd, 1, (uint64_t)offset, n);
  ssize_t r = real_write(fd, buf, n);
  pthread_mutex_unlock(&lock);
  return r;
}

static size_t iov_total(const struct iovec *iov, int count) {
  size_t n = 0;
  for (int i = 0; i < count; i++) n += iov[i].iov_len;
  return n;
}

static ssize_t guarded_pwritev(ssize_t (*real)(int, const struct iovec *, int, off_t), int fd,
                               const struct iovec *iov, int count, off_t offset) {
  struct tracked_file *f = tracked(fd);
  if (!f) return real(fd, iov, count, offset);
  size_t n = iov_total(iov, count);
  pthread_mutex_lock(&lock);
  if (refuse_growth(fd, (uint64_t)offset + n)) {
    pthread_mutex_unlock(&lock);
    errno = ENOSPC;
    return -1;
  }
  journal(f, fd, 1, (uint64_t)offset, n);
  ssize_t r = real(fd, iov, count, offset);
  pthread_mutex_unlock(&lock);
  return r;
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset) {
  return guarded_pwritev(real_pwritev, fd, iov, count, offset);
}

ssize_t pwritev64(int fd, const struct iovec *iov, int count, off_t offset) {
  return guarded_pwritev(real_pwritev64, fd, iov, count, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
  struct tracked_file *f = tracked(fd);
  if (!f) return real_writev(fd, iov, count);
  off_t offset = lseek(fd, 0, SEEK_CUR);
  if (offset < 0) return real_writev(fd, iov, count);
  size_t n = iov_total(iov, count);
  pthread_mutex_lock(&lock);
  if (refuse_growth(fd, (uint64_t)offset + n)) {
    pthread_mutex_unlock(&lock);
    errno = ENOSPC;
    return -1;
  }
  journal(f, fd, 1, (uint64_t)offset, n);
  ssize_t r = real_writev(fd, iov, count);
  pthread_mutex_unlock(&lock);
  return r;
}

static int guarded_truncate(int (*real)(int, off_t), int fd, off_t length) {
  struct tracked_file *f = tracked(fd);
  if (!f) return real(fd, length);
  pthread_mutex_lock(&lock);
  struct stat st;
  uint64_t size = fstat(fd, &st) == 0 ? (uint64_t)st.st_size : 0;
  if (refuse_growth(fd, (uint64_t)length)) {
    pthread_mutex_unlock(&lock);
    errno = ENOSPC;
    return -1;
  }
  journal(f, fd, 2, (uint64_t)length, size > (uint64_t)length ? size - (uint64_t)length : 0);
  int r = real(fd, length);
  pthread_mutex_unlock(&lock);
  return r;
}

int ftruncate(int fd, off_t length) { return guarded_truncate(real_ftruncate, fd, length); }
int ftruncate64(int fd, off_t length) { return guarded_truncate(real_ftruncate64, fd, length); }

static int synced(int fd, int r) {
  struct tracked_file *f = tracked(fd);
  if (f && r == 0 && f->journal >= 0) {
    pthread_mutex_lock(&lock);
    if (real_ftruncate(f->journal, 0) != 0) die("emptying the undo journal");
    pthread_mutex_unlock(&lock);
  }
  return r;
}

int fsync(int fd) { return synced(fd, real_fsync(fd)); }
int fdatasync(int fd) { return synced(fd, real_fdatasync(fd)); }

int close(int fd) {
  if (fd >= 0 && fd < MAX_FDS) fd_file[fd] = 0;
  return real_close(fd);
}

#define OPEN_WRAPPER(name, real_fn)                       \
  int name(const char *path, int flags, ...) {            \
    mode_t mode = 0;                                      \
    if (flags & (O_CREAT | O_TMPFILE)) {                  \
      va_list ap;                                         \
      va_start(ap, flags);                                \
      mode = va_arg(ap, mode_t);                          \
      va_end(ap);                                         \
    }                                                     \
    int fd = real_fn(path, flags, mode);                  \
    track(fd, path);                                      \
    return fd;                                            \
  }

OPEN_WRAPPER(open, real_open)
OPEN_WRAPPER(open64, real_open64)

#define OPENAT_WRAPPER(name, real_fn)                                    \
  int name(int dirfd, const char *path, int flags, ...) {                \
    mode_t mode = 0;                                                     \
    if (flags & (O_CREAT | O_TMPFILE)) {                                 \
      va_list ap;                                                        \
      va_start(ap, flags);                                               \
      mode = va_arg(ap, mode_t);                                         \
      va_end(ap);                                                        \
    }                                                                    \
    int fd = real_fn(dirfd, path, flags, mode);                          \
    if (path[0] == '/') track(fd, path);                                 \
    return fd;                                                           \
  }

OPENAT_WRAPPER(openat, real_openat)
OPENAT_WRAPPER(openat64, real_openat64)
