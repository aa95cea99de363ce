# Bash completion for newsdex-index and newsdex-search: options, their values, folders
# for --db and the ROOTs, and the field names of queries (title:, person:, ...).
#
# Install: source this file from ~/.bashrc, or copy it into
# /usr/share/bash-completion/completions/ under both program names.
#
# Keep the option lists in step with indexer/main.cc and search/main.cc.

_newsdex_index_options='--db -d --full --rebuild --compact --shards --merge-to
  --extract-only --jobs -j --no-entities --no-learn-residue --lock-timeout --max-file-size --strict --quiet -q
  --retry-skipped --report-json --status --config --help -h --version'

_newsdex_search_options='--db -d --limit -n --offset --sort --undated --recency --duplicates
  --facets --facet-limit --list --json --csv --tsv --fields --color --passages --paths-only -0
  --count --show --like
  --timeline --timeline= --related --autocorrect --help-query --interactive -i
  --allow-missing-shards --timeout --null --help -h --version'

# Field names of the query language (schema.h) and the date: range.
_newsdex_query_fields='title: person: place: org: topic: section: source: date: id:'

# Sets _newsdex_option to the option whose value is being typed ("" when none),
# _newsdex_equals to 1 when it was joined by "=", and _newsdex_cur to the value so far.
# Bash splits "--sort=da" into "--sort" "=" "da" (COMP_WORDBREAKS has "="), so all
# three spellings come here.
_newsdex_value_context() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=''
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  _newsdex_option='' _newsdex_equals=0 _newsdex_cur=$cur
  if [[ $cur == '=' ]]; then
    _newsdex_option=$prev _newsdex_equals=1 _newsdex_cur=''
  elif [[ $prev == '=' ]] && ((COMP_CWORD > 1)); then
    _newsdex_option=${COMP_WORDS[COMP_CWORD - 2]} _newsdex_equals=1
  elif [[ $cur == --*=* ]]; then
    _newsdex_option=${cur%%=*} _newsdex_equals=1 _newsdex_cur=${cur#*=}
  elif [[ $prev == -* ]]; then
    _newsdex_option=$prev
  fi
}

# COMPREPLY from a word list, a folder list or a file list for $_newsdex_cur.
_newsdex_words() { mapfile -t COMPREPLY < <(compgen -W "$1" -- "$_newsdex_cur"); }
_newsdex_dirs() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -d -- "$_newsdex_cur")
}
_newsdex_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$_newsdex_cur")
}

_newsdex_index() {
  COMPREPLY=()
  _newsdex_value_context
  case $_newsdex_option in
    -d | --db | --merge-to) _newsdex_dirs; return ;;
    --report-json | --config) _newsdex_files; return ;;
    -j | --jobs | --lock-timeout | --max-file-size | --shards) return ;;  # a number
  esac
  if [[ $_newsdex_cur == -* ]]; then
    _newsdex_words "$_newsdex_index_options"
  else
    _newsdex_dirs  # ROOT folders
  fi
}

_newsdex_search() {
  COMPREPLY=()
  _newsdex_value_context
  case $_newsdex_option in
    -d | --db) _newsdex_dirs; return ;;
    --sort) _newsdex_words 'relevance date oldest'; return ;;
    --undated) _newsdex_words 'exclude include only'; return ;;
    --duplicates) _newsdex_words 'collapse show'; return ;;
    --color) _newsdex_words 'auto always never'; return ;;
    --list) _newsdex_words 'people places organizations topics'; return ;;
    --like) _newsdex_files; return ;;
    # A comma-separated list: the field names, to complete the first of them.
    --fields)
      _newsdex_words 'rank id path title section date date_time date_source source author url
        score percent similar people places organizations topics passages'
      return ;;
    -n | --limit | --offset | --recency | --facet-limit | --passages | --timeout)
      return ;;  # a number
    --timeline)
      # Its value is optional, so only "--timeline=week" gives one: "--timeline week"
      # is the option and a query word.
      if ((_newsdex_equals)); then
        _newsdex_words 'day week month year'
        return
      fi
      ;;
  esac
  case $_newsdex_cur in
    -*) _newsdex_words "$_newsdex_search_options" ;;
    # After "field:" (bash splits at ":" too) the value is the user's to type.
    :*) ;;
    *)
      local before=''
      ((COMP_CWORD > 0)) && before=${COMP_WORDS[COMP_CWORD - 1]}
      if [[ $before != ':' ]]; then
        compopt -o nospace 2>/dev/null
        _newsdex_words "$_newsdex_query_fields"
      fi
      ;;
  esac
}

complete -F _newsdex_index newsdex-index
complete -F _newsdex_search newsdex-search
