from transcheck.cli import main

main()
