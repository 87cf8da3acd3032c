#include "cli/commands.h"

int main(int argc, char** argv) { return wenfeng::cli::run(argc, argv); }
