// Timestamped lines on stderr, each with its level; lines below the chosen
// level are not written.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace zmx_broker {

enum class log_level { error, warn, info, debug };

std::optional<log_level> log_level_named(std::string_view name);

class logger {
public:
    void set_level(log_level level) { level_ = level; }

    template <class... Parts> void error(const Parts&... parts) { log(log_level::error, parts...); }
    template <class... Parts> void warn(const Parts&... parts) { log(log_level::warn, parts...); }
    template <class... Parts> void info(const Parts&... parts) { log(log_level::info, parts...); }
    template <class... Parts> void debug(const Parts&... parts) { log(log_level::debug, parts...); }
    // Asked for (SIGUSR1), so written whatever the level.
    void report(const std::string& text) { write("stats", text); }

private:
    template <class... Parts> void log(log_level level, const Parts&... parts) {
        if (level > level_)
            return;
        std::ostringstream text;
        (text << ... << parts);
        write(name_of(level), text.str());
    }
    static const char* name_of(log_level level);
    void write(const char* label, const std::string& text);

    log_level level_ = log_level::info;
};

}  // namespace zmx_broker
