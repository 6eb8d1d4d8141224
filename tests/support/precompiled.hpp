// What nearly every test includes, compiled once per build into the
// precompiled header that the test binaries share (tests/CMakeLists.txt):
// parsing GoogleTest and these standard headers was about a fifth of each
// test's compile time. Only third-party and standard headers belong here,
// so a test still needs its own includes to say what it uses.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>
