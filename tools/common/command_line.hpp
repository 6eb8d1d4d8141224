// The exit convention both tools share for their command lines.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>

namespace zmx_tools {

// A command line that cannot be followed: bad option, missing argument,
// values that do not go together.
constexpr int usage_exit_code = 2;

// Parses argv into `app`. Returns the code to exit with when the program
// must stop here: 0 after --help, usage_exit_code after a usage error (its
// message already printed on stderr); nothing when it should go on.
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv);

}  // namespace zmx_tools
