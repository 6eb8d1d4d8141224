// A whole message as one line of the chosen format.
#pragma once

#include "cat_options.hpp"
#include "multipart.hpp"

#include <string>
#include <string_view>

namespace zmx_cat {

struct message_format {
    zmx_cat::format format;
    std::string delimiter;

    // Both throw format_error: for a frame the format cannot write, and for
    // a line that it cannot read.
    std::string render(const zmx_tools::frames& message) const;
    zmx_tools::frames parse(std::string_view line) const;
};

}  // namespace zmx_cat
