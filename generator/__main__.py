from generator.cli.commands import main

main(prog_name="thidua")
