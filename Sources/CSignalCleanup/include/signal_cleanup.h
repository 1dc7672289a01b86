#ifndef FANOUT_SIGNAL_CLEANUP_H
#define FANOUT_SIGNAL_CLEANUP_H

/// Files to remove when the process is interrupted (SIGINT, SIGTERM, SIGHUP).
///
/// Written in C so that the signal handler is plainly async-signal-safe: the paths live in a
/// static, preallocated table and the handler only reads lock-free atomics, calls unlink(2),
/// restores the default action and re-raises the signal, so the process still ends "killed by
/// SIGTERM" (status 128+n in a shell) as it would have without the handler.

/// The longest path (in bytes, without the terminating NUL) that can be registered.
#define FANOUT_CLEANUP_PATH_CAPACITY 4095

/// Registers `path` for removal on interruption and installs the handlers (once, and only for
/// signals whose action is still the default: a host program's own handler or an ignored
/// signal is left alone). Returns a slot to pass to `fanout_cleanup_unregister`, or -1 when
/// the path is too long or every slot is taken (the file is then simply not cleaned up).
int fanout_cleanup_register(const char *path);

/// Forgets the path in `slot` (a value `fanout_cleanup_register` returned); -1 is ignored.
void fanout_cleanup_unregister(int slot);

/// Removes every registered file now. Async-signal-safe: a host program that has its own
/// SIGINT/SIGTERM handler may call it from there.
void fanout_cleanup_remove_registered(void);

#endif
