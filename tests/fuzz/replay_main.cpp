// The main of a fuzz target in the normal build: runs the target once on
// every file named on the command line or found in a directory named there
// (not recursively), so the seed corpus and kept crash inputs are a
// regression suite under ctest and the sanitizer passes. An input that
// breaks an invariant aborts; the name of the file being run is printed
// first so a failure names its reproducer.
#include "fuzz_support.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

namespace {

std::vector<uint8_t> read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::vector<std::filesystem::path> inputs_named_by(const std::filesystem::path& arg) {
    if (!std::filesystem::is_directory(arg))
        return {arg};
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(arg))
        if (entry.is_regular_file())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // a stable order to read logs by
    return files;
}

} // namespace

int main(int argc, char** argv) {
    size_t runs = 0;
    for (int i = 1; i < argc; ++i) {
        for (const auto& path : inputs_named_by(argv[i])) {
            if (!std::filesystem::exists(path)) {
                std::cerr << "no such input: " << path << '\n';
                return 1;
            }
            std::cerr << "running " << path.string() << '\n';
            const auto input = read_file(path);
            LLVMFuzzerTestOneInput(input.data(), input.size());
            ++runs;
        }
    }
    std::cout << "replayed " << runs << " inputs\n";
    return runs > 0 ? 0 : 1;  // an empty corpus would test nothing
}
