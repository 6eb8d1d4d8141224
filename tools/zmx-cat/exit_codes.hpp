// What zmx-cat's exit status tells a script, and the error that carries it
// from wherever a run stops to main.
#pragma once

#include "command_line.hpp"

#include <stdexcept>
#include <string>

namespace zmx_cat {

enum exit_code : int {
    done = 0,
    // --timeout passed before the next message could be sent or received.
    timed_out = 1,
    // Bad arguments, or input that does not parse in the chosen format.
    usage_error = zmx_tools::usage_exit_code,
    // The library refused (a bind, a connect, an option), or a received
    // frame cannot be written in the chosen format.
    failed = 3,
};

class cat_error : public std::runtime_error {
public:
    cat_error(exit_code code, const std::string& message) : std::runtime_error(message), code_(code) {}
    exit_code code() const { return code_; }

private:
    exit_code code_;
};

}  // namespace zmx_cat
