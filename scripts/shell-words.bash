# Splits extra_params into QEMU arguments the way a shell would, honouring
# quotes and backslashes, without ever evaluating the text: a cfg line must
# not be able to run commands or expand variables.

# Sets shell_words to the words of $1; returns 1 on an unterminated quote.
split_shell_words() {
	local text=$1 word="" quote="" char in_word=0 i
	shell_words=()
	for ((i = 0; i < ${#text}; i++)); do
		char=${text:i:1}
		if [[ $quote == "'" ]]; then
			if [[ $char == "'" ]]; then quote=""; else word+=$char; fi
		elif [[ $quote == '"' ]]; then
			if [[ $char == '"' ]]; then
				quote=""
			elif [[ $char == "\\" && ${text:i+1:1} == [\"\\\$\`] ]]; then
				i=$((i + 1))
				word+=${text:i:1}
			else
				word+=$char
			fi
		elif [[ $char == [[:space:]] ]]; then
			((in_word)) && shell_words+=("$word")
			word="" in_word=0
		elif [[ $char == [\"\'] ]]; then
			quote=$char in_word=1
		elif [[ $char == "\\" ]]; then
			i=$((i + 1))
			word+=${text:i:1} in_word=1
		else
			word+=$char in_word=1
		fi
	done
	[[ -z $quote ]] || return 1
	((in_word)) && shell_words+=("$word")
	return 0
}
