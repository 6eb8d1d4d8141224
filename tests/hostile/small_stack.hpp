// Runs a test body on a thread with a small stack, where anything that
// recurses over peer-controlled depth (one call per byte of a topic, per
// level of a tree) overflows and crashes the test.
#pragma once

#include <gtest/gtest.h>

#include <pthread.h>

#include <cstddef>

namespace ht {

template <typename Body>
void run_on_small_stack(size_t stack_size, Body body) {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, stack_size);
    pthread_t thread;
    auto run = [](void* arg) -> void* {
        (*static_cast<Body*>(arg))();
        return nullptr;
    };
    ASSERT_EQ(pthread_create(&thread, &attributes, run, &body), 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attributes);
}

} // namespace ht
