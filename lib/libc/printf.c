/*
 * A small vsnprintf: %d %i %u %x %X %o %p %s %c %%, the flags '-' and '0',
 * a field width (or '*'), a precision for strings, and the h/l/ll/z/j length
 * modifiers. printf() formats into a line buffer and hands it to the console
 * in one piece so that lines from different CPUs do not interleave.
 */
#include <base.h>
#include <console.h>
#include <libc/string.h>

struct sink {
	char *buf;
	size_t size;
	size_t len;
};

struct spec {
	bool left;
	char pad;
	int width;
	int precision;
	int length;	/* number of 'l's, or 2 for z/j */
};

static void put(struct sink *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_padded(struct sink *out, const char *s, int n, const struct spec *sp)
{
	int fill = sp->width > n ? sp->width - n : 0;

	if (!sp->left)
		while (fill-- > 0)
			put(out, sp->pad);
	while (n-- > 0)
		put(out, *s++);
	while (fill-- > 0)
		put(out, ' ');
}

static void put_number(struct sink *out, u64 val, bool negative, unsigned base,
		       bool upper, struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = digits[val % base];
		val /= base;
	} while (val);
	if (negative) {
		if (sp->pad == '0' && sp->width > 0) {
			put(out, '-');
			sp->width--;
		} else {
			tmp[--i] = '-';
		}
	}
	put_padded(out, tmp + i, sizeof(tmp) - i, sp);
}

static u64 fetch_unsigned(va_list *ap, int length)
{
	if (length >= 2)
		return va_arg(*ap, u64);
	if (length == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static s64 fetch_signed(va_list *ap, int length)
{
	if (length >= 2)
		return va_arg(*ap, s64);
	if (length == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .pad = ' ', .precision = -1 };
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->pad = '0';
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		fmt++;
	}
	for (; *fmt >= '0' && *fmt <= '9'; fmt++)
		sp->width = sp->width * 10 + (*fmt - '0');
	if (*fmt == '.') {
		sp->precision = 0;
		for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
			sp->precision = sp->precision * 10 + (*fmt - '0');
	}
	for (;; fmt++) {
		if (*fmt == 'l')
			sp->length++;
		else if (*fmt == 'z' || *fmt == 'j')
			sp->length = 2;
		else if (*fmt != 'h')
			break;
	}
	return fmt;
}

static void convert(struct sink *out, char conv, struct spec *sp, va_list *ap)
{
	const char *s;
	s64 v;
	char c;

	switch (conv) {
	case 'd':
	case 'i':
		v = fetch_signed(ap, sp->length);
		put_number(out, v < 0 ? -(u64)v : (u64)v, v < 0, 10, false, sp);
		break;
	case 'u':
		put_number(out, fetch_unsigned(ap, sp->length), false, 10, false, sp);
		break;
	case 'x':
	case 'X':
		put_number(out, fetch_unsigned(ap, sp->length), false, 16, conv == 'X', sp);
		break;
	case 'o':
		put_number(out, fetch_unsigned(ap, sp->length), false, 8, false, sp);
		break;
	case 'p':
		put(out, '0');
		put(out, 'x');
		put_number(out, (u64)va_arg(*ap, void *), false, 16, false, sp);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		put_padded(out, s, strnlen(s, sp->precision < 0 ? SIZE_MAX : (size_t)sp->precision), sp);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_padded(out, &c, 1, sp);
		break;
	default:
		put(out, '%');
		if (conv)
			put(out, conv);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink out = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&out, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		convert(&out, *fmt, &sp, &args);
		if (*fmt)
			fmt++;
	}
	va_end(args);
	if (size)
		buf[MIN(out.len, size - 1)] = '\0';
	return (int)out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	console_write(line, MIN((size_t)n, sizeof(line) - 1));
	return n;
}
