// C API: version, errors, capabilities and the small utilities of zmq.h
// (atomic counters, stopwatch, sleep, threads, Z85, CURVE keys).
#include "base/error.hpp"
#include "base/z85.hpp"
#include "zmtp/curve_crypto.hpp"

#include <zmq.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <new>
#include <string_view>
#include <thread>

using namespace zmx;

void zmq_version(int* major, int* minor, int* patch) {
    if (major)
        *major = ZMQ_VERSION_MAJOR;
    if (minor)
        *minor = ZMQ_VERSION_MINOR;
    if (patch)
        *patch = ZMQ_VERSION_PATCH;
}

int zmq_errno(void) { return errno; }

const char* zmq_strerror(int error) {
    switch (error) {
    // libzmq's texts, which programs may show or compare.
    case EFSM:
        return "Operation cannot be accomplished in current state";
    case ENOCOMPATPROTO:
        return "The protocol is not compatible with the socket type";
    case ETERM:
        return "Context was terminated";
    case EMTHREAD:
        return "No thread available";
    case EHOSTUNREACH:
        return "Host unreachable";
    default:
        return std::strerror(error);
    }
}

int zmq_has(const char* capability) {
    if (!capability)
        return 0;
    // Grows as transports and mechanisms are added; "draft" because the
    // library is built with the draft API.
    for (std::string_view offered : {"ipc", "curve", "WS", "WSS", "wss", "draft"})
        if (offered == capability)
            return 1;
    return 0;
}

// ---------------------------------------------------------------- counters

void* zmq_atomic_counter_new(void) { return new (std::nothrow) std::atomic<int>(0); }

void zmq_atomic_counter_set(void* counter, int value) {
    static_cast<std::atomic<int>*>(counter)->store(value);
}

int zmq_atomic_counter_inc(void* counter) { return static_cast<std::atomic<int>*>(counter)->fetch_add(1); }

// Not the new value: 1 while the counter is not zero, 0 once it is, as
// zmq_atomic_counter_dec(3) says and libzmq does (1 again below zero).
int zmq_atomic_counter_dec(void* counter) {
    return static_cast<std::atomic<int>*>(counter)->fetch_sub(1) != 1 ? 1 : 0;
}

int zmq_atomic_counter_value(void* counter) { return static_cast<std::atomic<int>*>(counter)->load(); }

void zmq_atomic_counter_destroy(void** counter) {
    if (counter) {
        delete static_cast<std::atomic<int>*>(*counter);
        *counter = nullptr;
    }
}

// ---------------------------------------------------------------- time

namespace {

uint64_t now_us() {
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void* zmq_stopwatch_start(void) { return new (std::nothrow) uint64_t(now_us()); }

unsigned long zmq_stopwatch_intermediate(void* watch) {
    return static_cast<unsigned long>(now_us() - *static_cast<uint64_t*>(watch));
}

unsigned long zmq_stopwatch_stop(void* watch) {
    const unsigned long elapsed = zmq_stopwatch_intermediate(watch);
    delete static_cast<uint64_t*>(watch);
    return elapsed;
}

void zmq_sleep(int seconds) { std::this_thread::sleep_for(std::chrono::seconds(seconds)); }

// ---------------------------------------------------------------- threads

void* zmq_threadstart(zmq_thread_fn* func, void* arg) {
    return new (std::nothrow) std::thread(func, arg);
}

void zmq_threadclose(void* thread) {
    auto* t = static_cast<std::thread*>(thread);
    if (t->joinable())
        t->join();
    delete t;
}

// ---------------------------------------------------------------- Z85, CURVE

// libzmq checks the size (EINVAL) before anything else; the NULL pointers it
// would crash on are EFAULT here.
char* zmq_z85_encode(char* dest, const uint8_t* data, size_t size) {
    if (size % 4 != 0) {
        errno = EINVAL;
        return nullptr;
    }
    if (!dest || (size && !data)) {
        errno = EFAULT;
        return nullptr;
    }
    z85::encode(dest, data, size);
    return dest;
}

// As libzmq, an empty string is refused like any length that is not a
// multiple of 5.
uint8_t* zmq_z85_decode(uint8_t* dest, const char* string) {
    if (!dest || !string) {
        errno = EFAULT;
        return nullptr;
    }
    if (!*string || !z85::decode(dest, string)) {
        errno = EINVAL;
        return nullptr;
    }
    return dest;
}

// Keys in Z85: 40 characters and a NUL each.
int zmq_curve_keypair(char* z85_public_key, char* z85_secret_key) {
    if (!z85_public_key || !z85_secret_key)
        return fail(EFAULT);
    if (!zmtp::curve::ready())
        return fail(ENOTSUP);
    zmtp::curve::keypair pair = zmtp::curve::new_keypair();
    z85::encode(z85_public_key, pair.public_key.data(), pair.public_key.size());
    z85::encode(z85_secret_key, pair.secret_key.data(), pair.secret_key.size());
    zmtp::curve::wipe(pair.secret_key.data(), pair.secret_key.size());
    return 0;
}

// A secret key that is not 40 Z85 characters is EINVAL (libzmq would
// decode past its 32-byte buffer).
int zmq_curve_public(char* z85_public_key, const char* z85_secret_key) {
    if (!z85_public_key || !z85_secret_key)
        return fail(EFAULT);
    if (!zmtp::curve::ready())
        return fail(ENOTSUP);
    zmtp::curve::key secret{};
    if (std::strlen(z85_secret_key) != 5 * secret.size() / 4 || !z85::decode(secret.data(), z85_secret_key))
        return fail(EINVAL);
    const zmtp::curve::key public_key = zmtp::curve::public_key_of(secret);
    zmtp::curve::wipe(secret.data(), secret.size());
    z85::encode(z85_public_key, public_key.data(), public_key.size());
    return 0;
}
