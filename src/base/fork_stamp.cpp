#include "base/fork_stamp.hpp"

#include <pthread.h>

#include <atomic>

namespace zmx {

namespace {

// How many forks lie between the first process and this one.
std::atomic<uint32_t> forks_so_far{0};

void advance_in_child() { forks_so_far.fetch_add(1, std::memory_order_relaxed); }

// Registered when the library is loaded, before any object is stamped.
const int registered = pthread_atfork(nullptr, nullptr, advance_in_child);

}  // namespace

uint32_t fork_stamp::current() {
    (void)registered;
    return forks_so_far.load(std::memory_order_relaxed);
}

} // namespace zmx
