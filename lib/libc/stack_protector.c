/* Debian's libfdt.a is built with -fstack-protector-strong and needs these. */
#include <base.h>

u64 __stack_chk_guard = 0x2d53a1f04c6b8e97UL;

void __noreturn __stack_chk_fail(void);

void __noreturn __stack_chk_fail(void)
{
	panic("stack protector: a stack frame was overwritten");
}
