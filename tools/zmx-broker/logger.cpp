#include "logger.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace zmx_broker {

namespace {

const char* const level_names[] = {"error", "warn", "info", "debug"};

// UTC to the millisecond: "2024-05-01T12:00:00.123Z".
std::string timestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    const size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(millis));
    return text;
}

}  // namespace

std::optional<log_level> log_level_named(std::string_view name) {
    for (int i = 0; i < 4; ++i)
        if (name == level_names[i])
            return static_cast<log_level>(i);
    return std::nullopt;
}

const char* logger::name_of(log_level level) { return level_names[static_cast<int>(level)]; }

void logger::write(const char* label, const std::string& text) {
    // One write per line, so lines from a crowded stderr never interleave.
    const std::string line = timestamp() + " zmx-broker " + label + ": " + text + "\n";
    std::fputs(line.c_str(), stderr);
}

}  // namespace zmx_broker
