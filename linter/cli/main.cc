#include <malloc.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Blocks of 1 MiB and more (a large draft's text, its findings, a rule's tables) are
  // mapped on their own and given back when freed. glibc would otherwise raise this bound to
  // the largest block freed so far and keep later ones in its heap, where a vector that grew
  // leaves its old blocks unreturned: 185 MB rather than 199 MB peak on 100 MB of text.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  return wenfeng::cli::run(argc, argv);
}
