#include "signal_cleanup.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

// One slot per file being written at the same moment (several threads may write at once).
#define SLOTS 16

static char paths[SLOTS][FANOUT_CLEANUP_PATH_CAPACITY + 1];
// claimed: the slot belongs to a writer. armed: paths[i] holds a complete path to remove.
// A slot is armed only after its path is written and disarmed before it is reused.
static atomic_int claimed[SLOTS];
static atomic_int armed[SLOTS];
static atomic_int installed;

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define SIGNAL_COUNT (sizeof cleanup_signals / sizeof cleanup_signals[0])

void fanout_cleanup_remove_registered(void) {
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&armed[i])) {
            unlink(paths[i]);
        }
    }
}

static void handle(int signal_number) {
    fanout_cleanup_remove_registered();
    // The signal is blocked while this handler runs: it stays pending and, once the handler
    // returns, the default action ends the process as if there had been no handler.
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void install_once(void) {
    if (atomic_exchange(&installed, 1)) {
        return;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handle;
    sigemptyset(&action.sa_mask);
    for (unsigned i = 0; i < SIGNAL_COUNT; i++) {
        sigaddset(&action.sa_mask, cleanup_signals[i]);
    }
    for (unsigned i = 0; i < SIGNAL_COUNT; i++) {
        struct sigaction current;
        if (sigaction(cleanup_signals[i], NULL, &current) == 0 && current.sa_handler == SIG_DFL) {
            sigaction(cleanup_signals[i], &action, NULL);
        }
    }
}

int fanout_cleanup_register(const char *path) {
    size_t length = strlen(path);
    if (length > FANOUT_CLEANUP_PATH_CAPACITY) {
        return -1;
    }
    install_once();
    for (int i = 0; i < SLOTS; i++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&claimed[i], &expected, 1)) {
            memcpy(paths[i], path, length + 1);
            atomic_store(&armed[i], 1);
            return i;
        }
    }
    return -1;
}

void fanout_cleanup_unregister(int slot) {
    if (slot < 0 || slot >= SLOTS) {
        return;
    }
    atomic_store(&armed[slot], 0);
    atomic_store(&claimed[slot], 0);
}
