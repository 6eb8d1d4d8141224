// The messages a run sends: the MESSAGE arguments, or else stdin's lines.
#pragma once

#include "cat_options.hpp"
#include "message_format.hpp"
#include "multipart.hpp"

#include <optional>
#include <vector>

namespace zmx_cat {

// The MESSAGE arguments, read in the chosen format; a usage error
// (cat_error) names the first that does not read.
std::vector<zmx_tools::frames> parse_arguments(const cat_options& options);

class message_source {
public:
    explicit message_source(const cat_options& options);

    // The next message: the arguments in turn (over again when --count asks
    // for more), else stdin's next line; nothing once all are sent.
    std::optional<zmx_tools::frames> next();

private:
    std::optional<zmx_tools::frames> next_line();

    message_format format_;
    std::vector<zmx_tools::frames> arguments_;
    std::optional<long> limit_;
    long taken_ = 0;
};

}  // namespace zmx_cat
