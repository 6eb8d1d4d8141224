// zmx-cat's command line: CLI11 reads it, then the choices that depend on
// each other (socket type, role, options) are checked together.
#pragma once

#include "cat_options.hpp"

#include <optional>

namespace zmx_cat {

// Fills `options` from argv. Returns the exit code when the program must
// stop here (0 after --help, 2 after a usage error, already explained).
std::optional<int> read_command_line(int argc, char** argv, cat_options& options);

}  // namespace zmx_cat
