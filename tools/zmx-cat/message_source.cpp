#include "message_source.hpp"

#include "exit_codes.hpp"
#include "frame_codecs.hpp"

#include <iostream>

namespace zmx_cat {

std::vector<zmx_tools::frames> parse_arguments(const cat_options& options) {
    const message_format format{options.format, options.delimiter};
    std::vector<zmx_tools::frames> messages;
    for (const auto& argument : options.messages) {
        try {
            messages.push_back(format.parse(argument));
        } catch (const format_error& error) {
            throw cat_error(usage_error, "MESSAGE " + std::to_string(messages.size() + 1) + ": " + error.what());
        }
    }
    return messages;
}

message_source::message_source(const cat_options& options)
    : format_{options.format, options.delimiter}, arguments_(parse_arguments(options)), limit_(options.count) {
    if (!limit_ && !arguments_.empty())
        limit_ = static_cast<long>(arguments_.size());
}

std::optional<zmx_tools::frames> message_source::next() {
    if (limit_ && taken_ >= *limit_)
        return std::nullopt;
    ++taken_;
    if (!arguments_.empty())
        return arguments_[(taken_ - 1) % arguments_.size()];
    return next_line();
}

std::optional<zmx_tools::frames> message_source::next_line() {
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    try {
        return format_.parse(line);
    } catch (const format_error& error) {
        throw cat_error(usage_error, "stdin line " + std::to_string(taken_) + ": " + error.what());
    }
}

}  // namespace zmx_cat
