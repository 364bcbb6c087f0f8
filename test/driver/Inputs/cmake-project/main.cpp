#include <string>
extern "C" void greet(const char *who);
int main(int argc, char **argv) {
  std::string who = argc > 1 ? argv[1] : "nobody";
  greet(who.c_str());
  return 0;
}
