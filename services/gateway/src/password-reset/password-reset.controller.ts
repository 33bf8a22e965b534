import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@socialmakers/auth';
import { ConfirmPasswordResetDto, RequestPasswordResetDto } from './password-reset.dto';
import { PasswordResetService } from './password-reset.service';

@ApiTags('accounts')
@Public()
@Controller('api/accounts/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Sends a one-time reset link when the email has an account; 202 either way' })
  @ApiAcceptedResponse()
  async request(@Body() dto: RequestPasswordResetDto): Promise<void> {
    await this.resets.request(dto.email);
  }

  @Post('confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Sets a new password with the link's token; every session of the account ends" })
  @ApiNoContentResponse()
  async confirm(@Body() dto: ConfirmPasswordResetDto): Promise<void> {
    await this.resets.confirm(dto.token, dto.password);
  }
}
