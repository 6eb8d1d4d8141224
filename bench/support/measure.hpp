// What a benchmark needs whatever messaging library it measures (zmq or
// nng): the check that it runs on the library file it was built for, and
// the process's CPU time. Header-only, so the builds of bench/threadsafe
// and bench/radio_dish against the reference libzmq need no extra source.
#pragma once

#include <dlfcn.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace bench {

// Both variants of a benchmark export the same symbols, so a stray
// LD_LIBRARY_PATH or RUNPATH would silently measure the wrong library. The
// build tells each binary which file it must run on
// (BENCH_EXPECTED_LIBRARY); the dynamic loader tells it which file
// `symbol` (one of the library's functions) really came from. Exits with
// status 1 on a mismatch; returns the file otherwise.
inline std::filesystem::path require_library(const char* program, const void* symbol)
{
    Dl_info info{};
    if (dladdr(symbol, &info) == 0 || !info.dli_fname) {
        std::fprintf(stderr, "%s: dladdr cannot locate the library\n", program);
        std::exit(EXIT_FAILURE);
    }
    const auto in_use = std::filesystem::canonical(info.dli_fname);
    std::error_code missing;
    const auto expected = std::filesystem::canonical(BENCH_EXPECTED_LIBRARY, missing);
    if (missing || in_use != expected) {
        std::fprintf(stderr, "%s: running on %s, built to measure %s; refusing\n", program, in_use.c_str(),
                     BENCH_EXPECTED_LIBRARY);
        std::exit(EXIT_FAILURE);
    }
    return in_use;
}

// The CPU a measurement costs, user and system time of every thread of the
// process (getrusage): the library's I/O threads as well as the
// benchmark's own, so a figure won by spinning shows up beside it.
class cpu_meter {
public:
    // User and system time in `usage`, in seconds.
    static double seconds_of(const rusage& usage)
    {
        const auto total = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
        return total(usage.ru_utime) + total(usage.ru_stime);
    }

    cpu_meter() : start_seconds_(process_seconds()) {}
    double seconds() const { return process_seconds() - start_seconds_; }
    // Microseconds of CPU per item since construction.
    double micros_per(long items) const { return seconds() / double(items) * 1e6; }

private:
    static double process_seconds()
    {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return seconds_of(usage);
    }
    double start_seconds_;
};

}  // namespace bench
