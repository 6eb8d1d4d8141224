#include "transport/http_head.hpp"

#include <algorithm>
#include <cctype>

namespace zmx {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

}  // namespace

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::vector<std::string_view> split_list(std::string_view list) {
    std::vector<std::string_view> items;
    while (!list.empty()) {
        const size_t comma = list.find(',');
        items.push_back(trim(list.substr(0, comma)));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return items;
}

bool has_token(std::string_view list, std::string_view token) {
    const auto items = split_list(list);
    return std::any_of(items.begin(), items.end(), [&](std::string_view item) { return equals_ignoring_case(item, token); });
}

http_head::status http_head::feed(std::span<const uint8_t> in, size_t& consumed) {
    size_t taken = 0;
    while (status_ == status::need_more && taken < in.size()) {
        const char c = static_cast<char>(in[taken++]);
        if (++size_ > max_head) {
            status_ = status::error;
            break;
        }
        if (c != '\n') {
            if (line_.size() >= max_line) {
                status_ = status::error;
                break;
            }
            line_.push_back(c);
            continue;
        }
        if (line_.empty() || line_.back() != '\r') {
            status_ = status::error;  // a bare LF: not what a WebSocket peer sends
            break;
        }
        line_.pop_back();
        status_ = end_line();
        line_.clear();
    }
    consumed += taken;
    return status_;
}

http_head::status http_head::end_line() {
    if (!have_start_line_) {
        have_start_line_ = true;
        start_line_ = std::move(line_);
        return start_line_.empty() ? status::error : status::need_more;
    }
    if (line_.empty())
        return status::complete;
    const size_t colon = line_.find(':');
    if (colon == std::string::npos || colon == 0 || headers_.size() >= max_headers)
        return status::error;
    const std::string_view line(line_);
    headers_.emplace_back(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
    return status::need_more;
}

std::optional<std::string> http_head::header(std::string_view name) const {
    std::optional<std::string> value;
    for (const auto& [key, text] : headers_) {
        if (!equals_ignoring_case(key, name))
            continue;
        value = value ? *value + ", " + text : text;
    }
    return value;
}

} // namespace zmx
