from themesift.cli import main

main()
